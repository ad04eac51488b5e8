using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JudgementMiner.Ingestion;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

// judgementminer-synth make    --from <dataset folder> --out <folder> [--rows 10000000] [--group 50000]
// judgementminer-synth refresh --dataset <folder> --add <pdf> [--as <source path>] [--transform] [--group 50000]
// Each mode is meant to run in a fresh process, so the peak working set printed at the end is that mode's alone.
var mode = args.FirstOrDefault() ?? "";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var group = int.Parse(Option("--group") ?? DatasetWriterOptions.DefaultExtractRowGroupSize.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var options = new DatasetWriterOptions { ExtractRowGroupSize = group };
var clock = Stopwatch.StartNew();
switch (mode)
{
    case "make":
        await MakeAsync(Option("--from") ?? throw Usage(), Option("--out") ?? throw Usage(),
            long.Parse(Option("--rows") ?? "10000000", CultureInfo.InvariantCulture), options);
        break;
    case "refresh":
        await RefreshAsync(Option("--dataset") ?? throw Usage(), Option("--add") ?? throw Usage(), Option("--as"), args.Contains("--transform"), options);
        break;
    default:
        throw Usage();
}
Console.WriteLine($"{mode}: wall {clock.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
return 0;

static Exception Usage() => new ArgumentException("usage: make --from <dataset> --out <folder> [--rows N] [--group N] | refresh --dataset <folder> --add <pdf> [--as <path>] [--transform] [--group N]");

// Repeats the source dataset's reports (copy-0000/<path>, copy-0001/<path>, ...) under new ids until N extract rows.
static async Task MakeAsync(string from, string output, long rows, DatasetWriterOptions options)
{
    var source = Path.Combine(from, DatasetStore.CurrentLink) is var current && Directory.Exists(current) ? current : from;
    var reports = await (await Dataset.OpenAsync(source)).ReadReportsAsync();
    var extracts = await (await Dataset.OpenAsync(source)).ReadExtractsAsync();
    var manifest = RunManifest.Read(Path.Combine(source, RunManifest.FileName));
    var byPath = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    var firstRow = new int[reports.Count + 1];
    for (var i = 0; i < reports.Count; i++) firstRow[i + 1] = firstRow[i] + (reports[i].IsOk ? reports[i].SentenceCount ?? 0 : 0);
    if (firstRow[^1] != extracts.Count) throw new InvalidDataException($"{source}: sentence counts and extract rows disagree");

    var store = new DatasetStore(output);
    var generation = store.NextGeneration();
    var stamp = new DatasetStamp(DateTimeOffset.UtcNow, generation, reports.FirstOrDefault()?.ModelVersion);
    var files = new List<ManifestFile>();
    long written = 0;
    GenerationCounts? counts = null;
    await store.CommitAsync(generation, async (directory, ct) =>
    {
        await using var writer = await GenerationWriter.CreateAsync(directory, stamp, options, ct);
        for (var copy = 0; written < rows; copy++)
        {
            for (var i = 0; i < reports.Count && written < rows; i++)
            {
                var original = reports[i];
                var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{original.FileSha256}/copy-{copy}")));
                var report = original with { FileSha256 = sha, ReportId = sha[..16], SourcePath = $"copy-{copy:D4}/{original.SourcePath.TrimStart('/')}" };
                var rowsOf = new List<ExtractRow>(firstRow[i + 1] - firstRow[i]);
                for (var r = firstRow[i]; r < firstRow[i + 1]; r++)
                {
                    var e = extracts[r];
                    rowsOf.Add(e with { ReportId = report.ReportId, ExtractId = report.ReportId + e.ExtractId[original.ReportId.Length..] });
                }
                await writer.AddAsync(report, rowsOf, ct);
                written += rowsOf.Count;
                var entry = byPath[original.SourcePath];
                files.Add(entry with { Path = report.SourcePath, Sha256 = sha, ReportId = report.ReportId });
            }
        }
        counts = await writer.CompleteAsync(ct);
        await WriteManifestAsync(directory, Manifest(generation, stamp, counts, files));
    }, CancellationToken.None);
    Console.WriteLine($"wrote generation {generation} in {output}: {counts!.ReportRows} reports, {counts.ExtractRows} extracts, row groups of {options.ExtractRowGroupSize}");
}

// What a refresh that adds one new file does: every current report carried, the new one read and added in path order.
static async Task RefreshAsync(string output, string pdf, string? asPath, bool transform, DatasetWriterOptions options)
{
    var store = new DatasetStore(output);
    var current = store.OpenCurrent() ?? throw new InvalidOperationException($"{output} holds no dataset");
    var readClock = Stopwatch.StartNew();
    var read = new PipelineBuilder().Build().Read(pdf, FileBudget.Unlimited, CancellationToken.None);
    var newPath = asPath ?? $"copy-0001/{Path.GetFileName(pdf)}";
    var added = read with { Report = read.Report with { SourcePath = newPath } };
    Console.WriteLine($"read {pdf}: {added.Report.Status}, {added.Extracts.Count} extracts, {readClock.Elapsed.TotalSeconds:F1} s; added as {newPath}");

    var carryClock = Stopwatch.StartNew();
    await using var previous = await PreviousGeneration.OpenAsync(current.Directory);
    var openTime = carryClock.Elapsed;
    var generation = store.NextGeneration();
    var stamp = new DatasetStamp(DateTimeOffset.UtcNow, generation, previous.Reports.FirstOrDefault()?.ModelVersion);
    CarryTransform? identity = transform ? (r, e) => (r, e) : null;
    GenerationCounts? counts = null;
    await store.CommitAsync(generation, async (directory, ct) =>
    {
        await using var writer = await GenerationWriter.CreateAsync(directory, stamp, options, ct);
        var files = new List<ManifestFile>(current.Manifest.Files.Count + 1);
        var inserted = false;
        for (var i = 0; i < previous.Reports.Count; i++)
        {
            if (!inserted && string.CompareOrdinal(newPath, previous.Reports[i].SourcePath) < 0)
            {
                await writer.AddAsync(added.Report, added.Extracts, ct);
                files.Add(NewEntry(pdf, added.Report));
                inserted = true;
            }
            await writer.CarryAsync(previous, i, identity, ct);
            files.Add(current.Manifest.Files[i]);
        }
        if (!inserted)
        {
            await writer.AddAsync(added.Report, added.Extracts, ct);
            files.Add(NewEntry(pdf, added.Report));
        }
        counts = await writer.CompleteAsync(ct);
        await WriteManifestAsync(directory, Manifest(generation, stamp, counts, files));
    }, CancellationToken.None);
    Console.WriteLine($"carry{(transform ? " (every report through a transform)" : "")}: {counts!.ReportRows} reports, {counts.ExtractRows} extracts " +
                      $"in {carryClock.Elapsed.TotalSeconds:F1} s (opening the previous generation {openTime.TotalSeconds:F2} s); generation {generation}");
}

static ManifestFile NewEntry(string pdf, ReportRow row)
{
    var info = new FileInfo(pdf);
    return new ManifestFile
    {
        Path = row.SourcePath, Size = info.Length, ModifiedUtc = info.LastWriteTimeUtc, Sha256 = row.FileSha256, ReportId = row.ReportId,
        Status = row.Status, Error = row.Error, PipelineVersion = row.PipelineVersion, ModelVersion = row.ModelVersion,
    };
}

static RunManifest Manifest(string generation, DatasetStamp stamp, GenerationCounts counts, IReadOnlyList<ManifestFile> files) => new()
{
    Generation = generation, PipelineVersion = DatasetSchema.PipelineVersion, ModelVersion = stamp.ModelVersion, WrittenUtc = stamp.RunTime,
    ReportRows = counts.ReportRows, ExtractRows = counts.ExtractRows, Files = files,
};

static async Task WriteManifestAsync(string directory, RunManifest manifest)
{
    await using var stream = new FileStream(Path.Combine(directory, RunManifest.FileName), FileMode.CreateNew, FileAccess.Write);
    await using (var writer = new StreamWriter(stream, leaveOpen: true)) await writer.WriteAsync(manifest.ToJson());
    stream.Flush(flushToDisk: true);
}


