using System.Globalization;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Output;

/// <summary>
/// One dataset, opened once: <c>current</c> is resolved a single time to its generation folder, and every read goes
/// to the files of that folder (never through the top-level links), so a run that switches <c>current</c> after
/// <see cref="OpenAsync"/> cannot make a reader pair one generation's reports with another's extracts. Opening checks
/// that both files are readable Parquet, that they and <c>manifest.json</c> name the same generation, and that their
/// schema version is one this program reads; any failure is a <see cref="DatasetOpenException"/> saying what to do.
/// Also opens a folder that holds the two files itself: a generation folder, or a dataset from before generations.
/// </summary>
public sealed class Dataset
{
    public const string SchemaVersionKey = "judgementminer.schema_version";
    public const string PipelineVersionKey = "judgementminer.pipeline_version";
    public const string ModelVersionKey = "judgementminer.model_version";
    public const string GenerationKey = "judgementminer.generation";

    private static readonly ParquetOptions ReadOptions = new() { UseDateOnlyTypeForDates = true };

    private readonly DatasetFile _reports;
    private readonly DatasetFile _extracts;

    private Dataset(string folder, string directory, DatasetFile reports, DatasetFile extracts, RunManifest? manifest)
    {
        Folder = folder;
        Directory = directory;
        _reports = reports;
        _extracts = extracts;
        Manifest = manifest;
        Metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [DatasetSchema.ReportsFile] = reports.Metadata,
            [DatasetSchema.ExtractsFile] = extracts.Metadata,
        };
    }

    /// <summary>The folder as it was given (for messages).</summary>
    public string Folder { get; }

    /// <summary>The folder the files are read from: the generation <c>current</c> pointed at when opened, or <see cref="Folder"/> itself.</summary>
    public string Directory { get; }

    /// <summary>The generation both files carry; null for a dataset written before generations existed.</summary>
    public string? Generation => Value(_reports, GenerationKey);

    public string SchemaVersion => Value(_reports, SchemaVersionKey) ?? "";

    public string? PipelineVersion => Value(_reports, PipelineVersionKey);

    /// <summary>The theme models' version; null when the dataset was written without models.</summary>
    public string? ModelVersion => Value(_reports, ModelVersionKey);

    /// <summary>Each file's key/value metadata, by file name (<see cref="DatasetSchema.ReportsFile"/>, <see cref="DatasetSchema.ExtractsFile"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Metadata { get; }

    /// <summary>The generation's manifest; null for a dataset without one.</summary>
    public RunManifest? Manifest { get; }

    /// <summary>Where <c>reports.parquet</c> is read from (inside <see cref="Directory"/>).</summary>
    public string ReportsPath => _reports.Path;

    /// <summary>Where <c>extracts.parquet</c> is read from (inside <see cref="Directory"/>).</summary>
    public string ExtractsPath => _extracts.Path;

    /// <summary>Each file's resolved path, size and last write time as opened: what tells two versions of the same folder apart.</summary>
    internal IEnumerable<string> FileIdentities =>
        new[] { _reports, _extracts }.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Path}|{f.Length}|{f.LastWriteUtc.Ticks}"));

    /// <inheritdoc cref="OpenAsync"/>
    public static Dataset Open(string folder) => OpenAsync(folder).GetAwaiter().GetResult();

    /// <summary>Resolves, opens and checks the dataset in <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetOpenException">The folder is not a dataset this program can read; the message says why and what to do.</exception>
    public static async Task<Dataset> OpenAsync(string folder, CancellationToken cancellationToken = default)
    {
        var (directory, shown) = Resolve(folder);
        var reportsPath = Path.Combine(directory, DatasetSchema.ReportsFile);
        var extractsPath = Path.Combine(directory, DatasetSchema.ExtractsFile);
        var hasReports = File.Exists(reportsPath);
        var hasExtracts = File.Exists(extractsPath);
        if (!hasReports && !hasExtracts)
            throw new DatasetOpenException($"{folder} is not a dataset: it has no {DatasetSchema.ReportsFile} and {DatasetSchema.ExtractsFile}; run 'judgementminer run' first");
        if (!hasReports || !hasExtracts)
        {
            var missing = hasReports ? DatasetSchema.ExtractsFile : DatasetSchema.ReportsFile;
            throw new DatasetOpenException($"{Path.Combine(shown, missing)} is missing, so {folder} is not a complete dataset; {RerunFull(folder)}");
        }

        var reports = await DatasetFile.OpenAsync(reportsPath, Path.Combine(shown, DatasetSchema.ReportsFile), folder, cancellationToken);
        var extracts = await DatasetFile.OpenAsync(extractsPath, Path.Combine(shown, DatasetSchema.ExtractsFile), folder, cancellationToken);
        foreach (var file in new[] { reports, extracts }) CheckSchema(file, folder);

        var reportsGeneration = Value(reports, GenerationKey);
        var extractsGeneration = Value(extracts, GenerationKey);
        if (reportsGeneration != extractsGeneration)
            throw new DatasetOpenException(
                $"{reports.Shown} (generation {reportsGeneration ?? "none"}) and {extracts.Shown} (generation {extractsGeneration ?? "none"}) " +
                $"belong to two different runs; {RerunFull(folder)}");

        var manifest = ReadManifest(directory, shown, folder);
        if (manifest is not null && manifest.Generation != reportsGeneration)
            throw new DatasetOpenException(
                $"{Path.Combine(shown, RunManifest.FileName)} names generation {manifest.Generation} but {reports.Shown} and {extracts.Shown} " +
                $"carry generation {reportsGeneration ?? "none"}; {RerunFull(folder)}");
        return new Dataset(folder, directory, reports, extracts, manifest);
    }

    public async Task<IReadOnlyList<ReportRow>> ReadReportsAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync<ReportRow>(_reports, rowGroup: null, cancellationToken);

    public async Task<IReadOnlyList<ExtractRow>> ReadExtractsAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync<ExtractRow>(_extracts, rowGroup: null, cancellationToken);

    /// <summary>The extracts one Parquet row group at a time, for readers that must not hold the whole file.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ExtractRow>> ReadExtractRowGroupsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var rowGroup = 0; rowGroup < _extracts.RowGroups; rowGroup++)
            yield return await ReadAsync<ExtractRow>(_extracts, rowGroup, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(DatasetFile file, int? rowGroup, CancellationToken cancellationToken) where T : class, new()
    {
        await using var stream = file.OpenUnchanged(Folder);
        try
        {
            var result = await ParquetSerializer.DeserializeAsync<T>(stream, ReadOptions, rowGroup, cancellationToken);
            return result.Data as IReadOnlyList<T> ?? result.Data.ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file whose footer is sound can still hold damaged pages; whatever the Parquet library throws, the user's fix is the same.
            throw Damaged(file.Shown, Folder, e);
        }
    }

    /// <summary>The folder to read: where <c>current</c> points (resolved now, once), else the folder itself; and how to name it in messages.</summary>
    private static (string Directory, string Shown) Resolve(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
            throw new DatasetOpenException($"{folder} is not a dataset: there is no such folder; run 'judgementminer run' first");
        var currentPath = Path.Combine(folder, DatasetStore.CurrentLink);
        var current = new DirectoryInfo(currentPath);
        if (current.LinkTarget is null)
            return current.Exists ? (current.FullName, currentPath) : (Path.GetFullPath(folder), folder);
        var target = current.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
            throw new DatasetOpenException($"{currentPath} points at {current.LinkTarget}, which does not exist; {RerunFull(folder)}");
        return (target.FullName, currentPath);
    }

    private static void CheckSchema(DatasetFile file, string folder)
    {
        var version = Value(file, SchemaVersionKey);
        if (version is null)
            throw new DatasetOpenException($"{file.Shown} has no {SchemaVersionKey} in its metadata, so it was not written by judgementminer; {RerunFull(folder)}");
        if (Major(version) != Major(DatasetSchema.Version))
            throw new DatasetOpenException($"{folder} was written by schema {version}, this program reads {DatasetSchema.Version}: {RerunFull(folder)}");
    }

    private static RunManifest? ReadManifest(string directory, string shown, string folder)
    {
        var path = Path.Combine(directory, RunManifest.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return RunManifest.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new DatasetOpenException($"{Path.Combine(shown, RunManifest.FileName)} cannot be read ({e.Message}); {RerunFull(folder)}", e);
        }
    }

    private static string Major(string version) => version.Split('.')[0];

    private static string? Value(DatasetFile file, string key) => file.Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string RerunFull(string folder) => $"re-run 'judgementminer run ... --out {folder} --full'";

    private static DatasetOpenException Damaged(string shown, string folder, Exception e) =>
        new($"{shown} cannot be read (truncated or damaged): {e.Message}; {RerunFull(folder)}", e);

    /// <summary>One Parquet file as it was when the dataset was opened.</summary>
    private sealed record DatasetFile(string Path, string Shown, long Length, DateTime LastWriteUtc, int RowGroups, IReadOnlyDictionary<string, string> Metadata)
    {
        public static async Task<DatasetFile> OpenAsync(string path, string shown, string folder, CancellationToken cancellationToken)
        {
            // A plain file is read where it is; a link (a dataset from before 'current') is followed once, here.
            var resolved = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(path);
            try
            {
                await using var stream = File.OpenRead(resolved);
                await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
                return new DatasetFile(resolved, shown, stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle), reader.RowGroupCount,
                    new Dictionary<string, string>(reader.CustomMetadata));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Damaged(shown, folder, e);
            }
        }

        /// <summary>
        /// Opens the file for a read, refusing one that changed since the dataset was opened: files in a generation
        /// folder never change, but a dataset from before generations is replaced in place by the next run.
        /// </summary>
        public FileStream OpenUnchanged(string folder)
        {
            FileStream stream;
            try
            {
                stream = File.OpenRead(Path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new DatasetOpenException($"{Shown} was removed after the dataset was opened (newer runs replaced its generation); open {folder} again", e);
            }
            if (stream.Length != Length || File.GetLastWriteTimeUtc(stream.SafeFileHandle) != LastWriteUtc)
            {
                stream.Dispose();
                throw new DatasetOpenException($"{Shown} changed after the dataset was opened (a run rewrote it); open {folder} again");
            }
            return stream;
        }
    }
}
