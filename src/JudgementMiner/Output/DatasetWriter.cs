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

    public async Task WriteReportsAsync(string outputDirectory, IReadOnlyList<ReportRow> rows, DateTimeOffset runTime, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var target = Path.Combine(outputDirectory, DatasetSchema.ReportsFile);
        var temporary = Path.Combine(outputDirectory, $".{DatasetSchema.ReportsFile}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await ParquetSerializer.SerializeAsync(rows, stream, new ParquetOptions(), Metadata(runTime), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static async Task<IList<ReportRow>> ReadReportsAsync(string outputDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(outputDirectory, DatasetSchema.ReportsFile);
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeAsync<ReportRow>(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, null, cancellationToken);
        return result.Data;
    }

    public static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        return reader.CustomMetadata;
    }

    private static Dictionary<string, string> Metadata(DateTimeOffset runTime) => new()
    {
        ["judgementminer.schema_version"] = DatasetSchema.Version,
        ["judgementminer.pipeline_version"] = DatasetSchema.PipelineVersion,
        ["judgementminer.model_version"] = "",
        ["judgementminer.run_time"] = runTime.ToString("O"),
    };
}
