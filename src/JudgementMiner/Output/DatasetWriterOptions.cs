namespace JudgementMiner.Output;

/// <summary>How <see cref="GenerationWriter"/> (and so <see cref="DatasetWriter"/>) lays out the Parquet files.</summary>
public sealed record DatasetWriterOptions
{
    /// <summary>
    /// 50,000 extract rows: about 6 MB of Parquet per row group (the 10-million-row synthetic file is 1.26 GB in 200
    /// groups). A carry holds about one decoded group, so memory follows this number; 50,000 keeps that to tens of MB
    /// while a 10-million-row file still has few enough groups for a short footer, and DuckDB parallelises over them.
    /// Chosen, not tuned: other sizes were not measured against each other.
    /// </summary>
    public const int DefaultExtractRowGroupSize = 50_000;

    /// <summary>Report rows are few (one per input file) and narrow; one group per 50,000.</summary>
    public const int DefaultReportRowGroupSize = 50_000;

    public static DatasetWriterOptions Default { get; } = new();

    /// <summary>Rows per row group of <c>extracts.parquet</c> (a carried whole group keeps its own size).</summary>
    public int ExtractRowGroupSize { get; init; } = DefaultExtractRowGroupSize;

    /// <summary>Rows per row group of <c>reports.parquet</c>.</summary>
    public int ReportRowGroupSize { get; init; } = DefaultReportRowGroupSize;
}

/// <summary>What <see cref="GenerationWriter.CompleteAsync"/> wrote, counted as the rows passed (carried groups included).</summary>
/// <param name="LeadershipExtracts">Extract rows with <c>is_leadership_extract</c> set.</param>
/// <param name="ThemedExtracts">Extract rows whose <c>themes</c> list holds at least one theme.</param>
/// <param name="ModelVersion">The first <c>model_version</c> met among the extract rows (null when none was tagged).</param>
public sealed record GenerationCounts(int ReportRows, int ExtractRows, int LeadershipExtracts = 0, int ThemedExtracts = 0, string? ModelVersion = null);
