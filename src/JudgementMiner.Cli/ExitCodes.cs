namespace JudgementMiner.Cli;

/// <summary>The process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every file read in this run was processed (or the dataset was already up to date).</summary>
    public const int Ok = 0;

    /// <summary>The dataset was written, but some files read in this run failed (each has a row with its reason).</summary>
    public const int SomeFilesFailed = 1;

    /// <summary>The command line was wrong (System.CommandLine's own parse errors also exit with 2 here).</summary>
    public const int UsageError = 2;

    /// <summary>Nothing could be written: the output folder is not writable, or the run failed. The previous dataset is intact.</summary>
    public const int NothingWritten = 3;

    /// <summary>Another run is writing the same output folder; nothing was done (a scheduler may simply try later).</summary>
    public const int Locked = 4;

    /// <summary>Cancelled (Ctrl+C or SIGTERM) before the new dataset was complete; the previous dataset is intact.</summary>
    public const int Cancelled = 5;
}
