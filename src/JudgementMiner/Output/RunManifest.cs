using System.Text.Json;
using System.Text.Json.Serialization;

namespace JudgementMiner.Output;

/// <summary>One input file as the dataset last saw it, and the versions that produced its rows.</summary>
public sealed record ManifestFile
{
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("size")] public required long Size { get; init; }
    [JsonPropertyName("modified_utc")] public required DateTime ModifiedUtc { get; init; }
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }
    [JsonPropertyName("report_id")] public required string ReportId { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>The failure's code (<see cref="Ingestion.IngestionFailureNames"/>), null for an ok file.</summary>
    [JsonPropertyName("failure")] public string? Failure { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("pipeline_version")] public required string PipelineVersion { get; init; }
    [JsonPropertyName("model_version")] public string? ModelVersion { get; init; }
}

/// <summary>
/// <c>manifest.json</c>, written in the same generation folder as the two Parquet files: what the dataset was made
/// from, so that the next run can do only the new work.
/// </summary>
public sealed record RunManifest
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("schema_version")] public string SchemaVersion { get; init; } = DatasetSchema.Version;
    [JsonPropertyName("generation")] public required string Generation { get; init; }
    [JsonPropertyName("pipeline_version")] public required string PipelineVersion { get; init; }
    [JsonPropertyName("model_version")] public string? ModelVersion { get; init; }
    [JsonPropertyName("written_utc")] public required DateTimeOffset WrittenUtc { get; init; }
    [JsonPropertyName("report_rows")] public required int ReportRows { get; init; }
    [JsonPropertyName("extract_rows")] public required int ExtractRows { get; init; }
    [JsonPropertyName("files")] public required IReadOnlyList<ManifestFile> Files { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidDataException">The file is not a manifest this version can read.</exception>
    public static RunManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a readable manifest ({e.Message})", e);
        }
    }
}
