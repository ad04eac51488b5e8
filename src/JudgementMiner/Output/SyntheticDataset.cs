using System.Security.Cryptography;
using System.Text;
using JudgementMiner.Ingestion;

namespace JudgementMiner.Output;

/// <summary>What <see cref="SyntheticDataset.MakeAsync"/> made.</summary>
/// <param name="Inputs">The folder of links to give <c>judgementminer run</c> as its input.</param>
public sealed record SyntheticDatasetMade(string Inputs, string Output, int Reports, int ExtractRows, int Copies);

/// <summary>
/// Makes a dataset far larger than the corpus, to measure a refresh at national scale: the reports of a real dataset
/// repeated as <c>copy-NNNN/&lt;path&gt;</c> under new ids until it holds the asked number of extract rows, written as
/// a proper generation of an output folder (manifest included). Beside it, a folder of symbolic links to the real
/// PDFs at the same <c>copy-NNNN/&lt;path&gt;</c> places, recorded in the manifest with the size and time the planner
/// will see, so that <c>judgementminer run &lt;links&gt; --out &lt;output&gt;</c> finds every file unchanged and
/// carries it; add one PDF to the links folder and that run is a refresh adding one report.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>
    /// Repeats the current dataset of <paramref name="source"/> (its PDFs must still be where it read them) into
    /// <paramref name="output"/>, with its links in <paramref name="inputs"/>, until <paramref name="extractRows"/> rows.
    /// Files the source stopped at a time or memory limit are left out: a run would read them again, not carry them.
    /// </summary>
    public static async Task<SyntheticDatasetMade> MakeAsync(string source, string inputs, string output, long extractRows,
        DatasetWriterOptions options, CancellationToken cancellationToken = default)
    {
        var dataset = await Dataset.OpenAsync(source, cancellationToken);
        var manifest = dataset.Manifest ?? throw new InvalidDataException($"{source}: the dataset has no manifest.json; make it with 'judgementminer run'");
        var reports = await dataset.ReadReportsAsync(cancellationToken);
        var extracts = await dataset.ReadExtractsAsync(cancellationToken);
        var firstRow = new int[reports.Count + 1];
        for (var i = 0; i < reports.Count; i++) firstRow[i + 1] = firstRow[i] + (reports[i].IsOk ? reports[i].SentenceCount ?? 0 : 0);
        if (firstRow[^1] != extracts.Count)
            throw new InvalidDataException($"{source}: the reports' sentence counts add up to {firstRow[^1]}, but there are {extracts.Count} extract rows");
        var kept = Enumerable.Range(0, reports.Count).Where(i => reports[i].Failure?.IsRetried() != true).ToList();
        if (kept.Sum(i => firstRow[i + 1] - firstRow[i]) == 0) throw new InvalidDataException($"{source}: the dataset has no extract rows to repeat");
        var root = CommonFolder(kept.Select(i => reports[i].SourcePath));
        inputs = Path.GetFullPath(inputs);

        var store = new DatasetStore(output);
        if (store.OpenCurrent() is not null) throw new IOException($"{output} already holds a dataset: give an empty folder");
        var generation = store.NextGeneration();
        var stamp = new DatasetStamp(DateTimeOffset.UtcNow, generation, dataset.ModelVersion);
        var files = new List<ManifestFile>();
        long written = 0;
        var copies = 0;
        GenerationCounts? counts = null;
        await store.CommitAsync(generation, async (directory, ct) =>
        {
            await using var writer = await GenerationWriter.CreateAsync(directory, stamp, options, ct);
            for (; written < extractRows; copies++)
            {
                foreach (var i in kept)
                {
                    if (written >= extractRows) break;
                    ct.ThrowIfCancellationRequested();
                    var original = reports[i];
                    var link = Path.Combine(inputs, $"copy-{copies:D4}", Path.GetRelativePath(root, original.SourcePath));
                    Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                    File.CreateSymbolicLink(link, original.SourcePath);
                    var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{original.FileSha256}/copy-{copies}")));
                    var report = original with { FileSha256 = sha, ReportId = sha[..16], SourcePath = link };
                    var rows = new List<ExtractRow>(firstRow[i + 1] - firstRow[i]);
                    for (var r = firstRow[i]; r < firstRow[i + 1]; r++)
                        rows.Add(extracts[r] with { ReportId = report.ReportId, ExtractId = report.ReportId + extracts[r].ExtractId[original.ReportId.Length..] });
                    await writer.AddAsync(report, rows, ct);
                    written += rows.Count;
                    var seen = new FileInfo(link); // what the planner will compare: the link as the run's enumeration sees it
                    files.Add(new ManifestFile
                    {
                        Path = link, Size = seen.Length, ModifiedUtc = seen.LastWriteTimeUtc, Sha256 = sha, ReportId = report.ReportId,
                        Status = report.Status, Failure = report.Failure?.Canonical(), Error = report.Error,
                        PipelineVersion = report.PipelineVersion, ModelVersion = report.ModelVersion,
                    });
                }
            }
            counts = await writer.CompleteAsync(ct);
            var made = manifest with { Generation = generation, WrittenUtc = stamp.RunTime, ReportRows = counts.ReportRows, ExtractRows = counts.ExtractRows, Files = files };
            await File.WriteAllTextAsync(Path.Combine(directory, RunManifest.FileName), made.ToJson(), ct);
        }, cancellationToken);
        return new SyntheticDatasetMade(inputs, store.Root, counts!.ReportRows, counts.ExtractRows, copies);
    }

    private static string CommonFolder(IEnumerable<string> paths)
    {
        string? common = null;
        foreach (var path in paths)
        {
            var folder = Path.GetDirectoryName(path) ?? "/";
            if (common is null) common = folder;
            while (!(folder + "/").StartsWith(common.TrimEnd('/') + "/", StringComparison.Ordinal)) common = Path.GetDirectoryName(common) ?? "/";
        }
        return common ?? throw new InvalidDataException("no reports");
    }
}
