using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Tests;

/// <summary>
/// Reads one Parquet file by itself, for tests of the writer's raw output and of the top-level names; everything that
/// reads a dataset goes through <see cref="JudgementMiner.Output.Dataset"/>.
/// </summary>
public static class ParquetFile
{
    public static async Task<IList<T>> ReadAsync<T>(string path) where T : class, new()
    {
        await using var stream = File.OpenRead(path);
        return (await ParquetSerializer.DeserializeAsync<T>(stream, new ParquetOptions { UseDateOnlyTypeForDates = true })).Data;
    }

    public static async Task<IReadOnlyDictionary<string, string>> MetadataAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.CustomMetadata;
    }
}
