using JudgementMiner.Output;

namespace JudgementMiner.Cli;

/// <summary>The check every command that reads a whole dataset makes first, with the one error message users see.</summary>
internal static class DatasetFolder
{
    /// <summary>True when the folder holds both Parquet files; otherwise writes why to standard error.</summary>
    public static bool HasBothFiles(string datasetPath)
    {
        if (File.Exists(Path.Combine(datasetPath, DatasetSchema.ReportsFile)) && File.Exists(Path.Combine(datasetPath, DatasetSchema.ExtractsFile))) return true;
        Console.Error.WriteLine($"error: {datasetPath} has no {DatasetSchema.ReportsFile} and {DatasetSchema.ExtractsFile}; run 'judgementminer run' first");
        return false;
    }
}
