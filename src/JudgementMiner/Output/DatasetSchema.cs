using System.Reflection;

namespace JudgementMiner.Output;

/// <summary>Versions written into every dataset file's key/value metadata.</summary>
public static class DatasetSchema
{
    /// <summary>Bump when a column is renamed, removed or changes meaning (adding a column is a minor change).</summary>
    public const string Version = "2.0";

    public const string ReportsFile = "reports.parquet";

    public const string ExtractsFile = "extracts.parquet";

    /// <summary>The library's informational version: output can change when it changes.</summary>
    public static string PipelineVersion { get; } =
        typeof(DatasetSchema).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(DatasetSchema).Assembly.GetName().Version?.ToString() ?? "0";
}
