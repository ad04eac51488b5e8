namespace JudgementMiner.Output;

/// <summary>Options of the dataset's Parquet writing.</summary>
public sealed record DatasetWriterOptions
{
    /// <summary>Extract rows per Parquet row group: what a refresh holds in memory at once.</summary>
    public int ExtractRowGroupSize { get; init; } = 50_000;
}
