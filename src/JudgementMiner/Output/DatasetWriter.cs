using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Output;

/// <summary>
/// Writes the Parquet dataset atomically: each file is written to a temporary name in the output folder and renamed
/// over the old one only when complete, so a reader never sees a half-written file.
/// </summary>
public sealed class DatasetWriter
{
    public static DatasetWriter Instance { get; } = new();

    /// <summary>Writes <c>reports.parquet</c> and <c>extracts.parquet</c>: both complete under temporary names first, then renamed.</summary>
    public async Task WriteAsync(string outputDirectory, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts,
        DateTimeOffset runTime, CancellationToken cancellationToken = default, string? modelVersion = null)
    {
        Directory.CreateDirectory(outputDirectory);
        var reportsTemp = await WriteTemporaryAsync(outputDirectory, DatasetSchema.ReportsFile, reports, runTime, cancellationToken, modelVersion);
        try
        {
            var extractsTemp = await WriteTemporaryAsync(outputDirectory, DatasetSchema.ExtractsFile, extracts, runTime, cancellationToken, modelVersion);
            File.Move(extractsTemp, Path.Combine(outputDirectory, DatasetSchema.ExtractsFile), overwrite: true);
            File.Move(reportsTemp, Path.Combine(outputDirectory, DatasetSchema.ReportsFile), overwrite: true);
        }
        finally
        {
            foreach (var leftover in Directory.EnumerateFiles(outputDirectory, ".*.tmp")) File.Delete(leftover);
        }
    }

    /// <summary>Writes only <c>reports.parquet</c>, atomically.</summary>
    public async Task WriteReportsAsync(string outputDirectory, IReadOnlyList<ReportRow> rows, DateTimeOffset runTime, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var temporary = await WriteTemporaryAsync(outputDirectory, DatasetSchema.ReportsFile, rows, runTime, cancellationToken);
        File.Move(temporary, Path.Combine(outputDirectory, DatasetSchema.ReportsFile), overwrite: true);
    }

    private static async Task<string> WriteTemporaryAsync<T>(string outputDirectory, string fileName, IReadOnlyList<T> rows, DateTimeOffset runTime,
        CancellationToken cancellationToken, string? modelVersion = null)
    {
        var temporary = Path.Combine(outputDirectory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var stream = File.Create(temporary);
            await ParquetSerializer.SerializeAsync(rows, stream, new ParquetOptions(), Metadata(runTime, modelVersion), cancellationToken);
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

    public static async Task<IList<ReportRow>> ReadReportsAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(outputDirectory, DatasetSchema.ReportsFile);
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeAsync<ReportRow>(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, null, cancellationToken);
        return result.Data;
    }

    public static async Task<IList<ExtractRow>> ReadExtractsAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(outputDirectory, DatasetSchema.ExtractsFile);
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeAsync<ExtractRow>(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, null, cancellationToken);
        return result.Data;
    }

    public static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        return reader.CustomMetadata;
    }

    private static Dictionary<string, string> Metadata(DateTimeOffset runTime, string? modelVersion = null) => new()
    {
        ["judgementminer.schema_version"] = DatasetSchema.Version,
        ["judgementminer.pipeline_version"] = DatasetSchema.PipelineVersion,
        ["judgementminer.model_version"] = modelVersion ?? "",
        ["judgementminer.run_time"] = runTime.ToString("O"),
    };
}
