namespace JudgementMiner.Output;

/// <summary>How <see cref="GenerationWriter"/> (and so <see cref="DatasetWriter"/>) lays out the Parquet files.</summary>
public sealed record DatasetWriterOptions
{
    /// <summary>
    /// 50,000 extract rows: about 3-4 MB of Parquet (7-8 MB of text in memory) per row group. Measured on the corpus
    /// dataset repeated to 10 million rows, the carry's peak memory grows with the row group (one decoded group is
    /// held) while smaller groups add per-group overhead and a longer footer; 50,000 keeps the peak far under the
    /// 1 GiB target and the group count of a 10-million-row file at 200 (DuckDB parallelises over row groups).
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

/// <summary>What <see cref="GenerationWriter.CompleteAsync"/> wrote.</summary>
public sealed record GenerationCounts(int ReportRows, int ExtractRows);
