using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Output;

/// <summary>
/// Writes the dataset's Parquet files into one folder (a generation folder of <see cref="DatasetStore"/>, which makes
/// the pair atomic). Each file is written under a temporary name, flushed to disk and then renamed, so even a single
/// file is never seen half-written. <see cref="GenerationWriter"/> does the writing, streaming, in row groups.
/// </summary>
public sealed class DatasetWriter
{
    public static DatasetWriter Instance { get; } = new();

    /// <summary>
    /// Writes <c>reports.parquet</c> and <c>extracts.parquet</c> into <paramref name="directory"/>, in row groups of
    /// <see cref="DatasetWriterOptions"/> (through <see cref="GenerationWriter"/>).
    /// </summary>
    public async Task WriteAsync(string directory, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts,
        DatasetStamp stamp, CancellationToken cancellationToken = default)
    {
        await using var writer = await GenerationWriter.CreateAsync(directory, stamp, DatasetWriterOptions.Default, cancellationToken);
        foreach (var report in reports) await writer.AddReportAsync(report, cancellationToken);
        await writer.AddExtractsAsync(extracts, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes only <c>reports.parquet</c>, atomically.</summary>
    public async Task WriteReportsAsync(string directory, IReadOnlyList<ReportRow> rows, DatasetStamp stamp, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var temporary = await WriteTemporaryAsync(directory, DatasetSchema.ReportsFile, rows, stamp, cancellationToken);
        File.Move(temporary, Path.Combine(directory, DatasetSchema.ReportsFile), overwrite: true);
    }

    private static async Task<string> WriteTemporaryAsync<T>(string outputDirectory, string fileName, IReadOnlyList<T> rows, DatasetStamp stamp,
        CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(outputDirectory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var stream = File.Create(temporary);
            await ParquetSerializer.SerializeAsync(rows, stream, new ParquetOptions(), Metadata(stamp), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return temporary;
    }

    internal static Dictionary<string, string> Metadata(DatasetStamp stamp) => new()
    {
        ["judgementminer.schema_version"] = DatasetSchema.Version,
        ["judgementminer.pipeline_version"] = DatasetSchema.PipelineVersion,
        ["judgementminer.model_version"] = stamp.ModelVersion ?? "",
        ["judgementminer.run_time"] = stamp.RunTime.ToString("O"),
        ["judgementminer.generation"] = stamp.Generation,
    };
}

/// <summary>What every file of one written dataset carries in its metadata.</summary>
public sealed record DatasetStamp(DateTimeOffset RunTime, string Generation, string? ModelVersion);
