using System.Diagnostics;
using JudgementMiner.Grading;
using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>Options of one refresh; the CLI maps its flags onto these.</summary>
public sealed record RefreshOptions
{
    public BatchOptions Batch { get; init; } = new();

    /// <summary>Read every file again, whatever the manifest says.</summary>
    public bool Full { get; init; }
}

/// <summary>What a refresh did, for the summary table and the <c>--json</c> report.</summary>
public sealed record RefreshOutcome(
    RefreshPlan Plan,
    IReadOnlyList<ReportRow> Reports,
    IReadOnlyList<ExtractRow> Extracts,
    IReadOnlyList<ReportRow> ReadNow,
    string? Generation,
    int ReportRows,
    int ExtractRows,
    TimeSpan CarryTime,
    TimeSpan ReadTime,
    TimeSpan TagTime,
    TimeSpan WriteTime)
{
    /// <summary>False when the dataset was already up to date and nothing was written.</summary>
    public bool Wrote => Generation is not null;
}

/// <summary>
/// Brings the dataset in an output folder up to date with the input files: reads only new and changed files (all of
/// them when the pipeline changed), carries the other rows over, drops rows of removed files, tags what needs
/// tagging, and commits the result as one new generation. Rows are always in source-path order, so an incremental
/// run writes exactly the rows a full run would. The caller holds the folder's <see cref="OutputLock"/>.
/// </summary>
public sealed class DatasetRefresher(DatasetStore store, ThemeModelSource? models, ReportProcessor processor, BatchRunner runner)
{
    /// <summary>Plans the run against the folder's current dataset (and clears what a killed run left behind).</summary>
    public RefreshPlan Plan(IReadOnlyList<string> files, RefreshOptions options)
    {
        store.RemoveLeftovers();
        var current = store.OpenCurrent();
        return RefreshPlanner.Plan(files, current?.Manifest, DatasetSchema.PipelineVersion, models?.DatasetVersion, options.Full);
    }

    /// <summary>Carries out <paramref name="plan"/>; <paramref name="progress"/> hears about every file read.</summary>
    public async Task<RefreshOutcome> RunAsync(RefreshPlan plan, RefreshOptions options, IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var current = store.OpenCurrent();
        if (plan.IsUpToDate && current is not null)
        {
            return new RefreshOutcome(plan, [], [], [], null, current.Manifest.ReportRows, current.Manifest.ExtractRows,
                clock.Elapsed, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        var carried = plan.ToCarry.Count > 0 && current is not null ? await CarryOverAsync(current, plan, cancellationToken) : new Dictionary<string, ProcessedReport>();
        var planTime = clock.Elapsed; // reading the carried rows

        var toRead = plan.ToRead.Select(f => f.Path).ToList();
        var read = runner.Run(toRead, options.Batch, r => processor.Process(r, cancellationToken), progress, cancellationToken);
        var readTime = clock.Elapsed - planTime;

        var byPath = new Dictionary<string, ProcessedReport>(carried, StringComparer.Ordinal);
        foreach (var report in read) byPath[report.Report.SourcePath] = report;
        var ordered = plan.Files.Select(f => byPath[f.Path]).ToList();
        var reports = ordered.Select(p => p.Report).ToList();
        var extracts = ordered.SelectMany(p => p.Extracts).ToList();

        if (models is not null)
        {
            // Tag what was read now; carried extracts keep their tags unless the models changed.
            var toTag = plan.Retag ? ordered : read;
            new ExtractTagger(models.Model).Tag(toTag.SelectMany(p => p.Extracts).ToList(), toTag.Select(p => p.Report).ToList());
            // The text-implied grade reads every report's tagged leadership section; it is cheap, so all are redone
            // (and cleared when the models have none, so no carried report keeps another model's prediction).
            if (models.TextGrade is not null) new TextGradePredictor(models.TextGrade).Apply(reports, extracts);
            else foreach (var report in reports) TextGradePredictor.Clear(report);
        }
        var tagTime = clock.Elapsed - planTime - readTime;

        cancellationToken.ThrowIfCancellationRequested();
        var generation = store.NextGeneration();
        var manifest = new RunManifest
        {
            Generation = generation,
            PipelineVersion = DatasetSchema.PipelineVersion,
            ModelVersion = models?.DatasetVersion,
            WrittenUtc = DateTimeOffset.UtcNow,
            ReportRows = reports.Count,
            ExtractRows = extracts.Count,
            Files = plan.Files.Select(f => ManifestEntry(f, byPath[f.Path].Report)).ToList(),
        };
        var stamp = new DatasetStamp(manifest.WrittenUtc, generation, models?.Version);
        await store.CommitAsync(generation, async (directory, token) =>
        {
            await DatasetWriter.Instance.WriteAsync(directory, reports, extracts, stamp, token);
            await WriteManifestAsync(directory, manifest, token);
        }, cancellationToken);
        var writeTime = clock.Elapsed - planTime - readTime - tagTime;
        return new RefreshOutcome(plan, reports, extracts, read.Select(p => p.Report).ToList(), generation, reports.Count, extracts.Count,
            planTime, readTime, tagTime, writeTime);
    }

    /// <summary>The current rows of every unchanged file, by source path.</summary>
    private static async Task<Dictionary<string, ProcessedReport>> CarryOverAsync(CurrentDataset current, RefreshPlan plan, CancellationToken cancellationToken)
    {
        var keep = plan.ToCarry.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var dataset = await current.OpenAsync(cancellationToken);
        var reports = await dataset.ReadReportsAsync(cancellationToken);
        var extracts = (await dataset.ReadExtractsAsync(cancellationToken)).GroupBy(e => e.ReportId)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var carried = new Dictionary<string, ProcessedReport>(StringComparer.Ordinal);
        foreach (var report in reports.Where(r => keep.Contains(r.SourcePath)))
        {
            // Two files with the same content share a report id; each owns sentence_count of that id's rows.
            var rows = report.SentenceCount is > 0 && extracts.TryGetValue(report.ReportId, out var all)
                ? all.Take(report.SentenceCount.Value).ToList()
                : [];
            carried[report.SourcePath] = new ProcessedReport(report, rows);
        }
        var missing = keep.Where(path => !carried.ContainsKey(path)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"the current dataset in {current.Directory} lacks rows its manifest lists (first: {missing[0]}); run again with --full");
        return carried;
    }

    private static ManifestFile ManifestEntry(PlannedFile file, ReportRow row) => new()
    {
        Path = file.Path,
        Size = file.Size,
        ModifiedUtc = file.ModifiedUtc,
        Sha256 = row.FileSha256,
        ReportId = row.ReportId,
        Status = row.Status,
        Error = row.Error,
        PipelineVersion = row.PipelineVersion,
        ModelVersion = row.ModelVersion,
    };

    private static async Task WriteManifestAsync(string directory, RunManifest manifest, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, RunManifest.FileName);
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(manifest.ToJson().AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
    }
}
