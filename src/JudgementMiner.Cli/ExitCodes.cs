namespace JudgementMiner.Cli;

/// <summary>The process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every file was processed.</summary>
    public const int Ok = 0;

    /// <summary>The dataset was written, but some files failed (each has a row with its reason).</summary>
    public const int SomeFilesFailed = 1;

    /// <summary>The command line was wrong (System.CommandLine's own parse errors also exit with 2 here).</summary>
    public const int UsageError = 2;

    /// <summary>Nothing could be written: the output folder is not writable, the inputs do not exist, or the run failed.</summary>
    public const int NothingWritten = 3;
}
