using System.Diagnostics;
using JudgementMiner.Ingestion;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>Options of one refresh; the CLI maps its flags onto these (the stages' options are the pipeline's).</summary>
public sealed record RefreshOptions
{
    /// <summary>Read every file again, whatever the manifest says.</summary>
    public bool Full { get; init; }
}

/// <summary>Totals of the extract rows a generation holds, counted while they were written.</summary>
public sealed record ExtractTotals(int Rows, int LeadershipExtracts, int WithATheme, string? ModelVersion);

/// <summary>What a refresh did, for the summary table and the <c>--json</c> report.</summary>
/// <param name="Reports">Every report row of the dataset (one per file: small beside the extracts, which are never all held).</param>
/// <param name="ReadNow">The report rows of the files read in this run.</param>
/// <param name="TagTime">Re-tagging carried rows for new models (files read now are tagged as they are read).</param>
public sealed record RefreshOutcome(
    RefreshPlan Plan,
    IReadOnlyList<ReportRow> Reports,
    IReadOnlyList<ReportRow> ReadNow,
    string? Generation,
    int ReportRows,
    ExtractTotals Extracts,
    TimeSpan CarryTime,
    TimeSpan ReadTime,
    TimeSpan TagTime,
    TimeSpan WriteTime)
{
    /// <summary>False when the dataset was already up to date and nothing was written.</summary>
    public bool Wrote => Generation is not null;

    public int ExtractRows => Extracts.Rows;
}

/// <summary>
/// Brings the dataset in an output folder up to date with the input files: reads only new and changed files (all of
/// them when the pipeline changed) through the <see cref="Pipeline"/>, carries the other rows over from the current
/// generation (re-tagged when the models changed), drops rows of removed files, and commits the result as one new
/// generation. Rows are always in source-path order, so an incremental run writes exactly the rows a full run would.
/// Files are written as they are read, in that order. The caller holds the folder's <see cref="OutputLock"/>.
/// </summary>
public sealed class DatasetRefresher(DatasetStore store, Pipeline pipeline)
{
    /// <summary>Plans the run against the folder's current dataset (and clears what a killed run left behind).</summary>
    public RefreshPlan Plan(IReadOnlyList<string> files, RefreshOptions options)
    {
        store.RemoveLeftovers();
        var current = store.OpenCurrent();
        return RefreshPlanner.Plan(files, current?.Manifest, DatasetSchema.PipelineVersion, pipeline.ModelVersion, options.Full);
    }

    /// <summary>Carries out <paramref name="plan"/>; <paramref name="progress"/> hears about every file read.</summary>
    public async Task<RefreshOutcome> RunAsync(RefreshPlan plan, IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var current = store.OpenCurrent();
        if (plan.IsUpToDate && current is not null)
            return new RefreshOutcome(plan, [], [], null, current.Manifest.ReportRows, new ExtractTotals(current.Manifest.ExtractRows, 0, 0, null),
                clock.Elapsed, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        // The models load (about a second) while the first files are read; a model that cannot be loaded still stops
        // the run before anything is committed.
        var modelLoad = pipeline.Tagger is not null && (plan.ToRead.Count > 0 || plan.Retag) ? Task.Run(pipeline.LoadModels, cancellationToken) : Task.CompletedTask;
        var generation = store.NextGeneration();
        var writtenUtc = DateTimeOffset.UtcNow;
        var stamp = new DatasetStamp(writtenUtc, generation, pipeline.Tagger?.Version);
        var reports = new List<ReportRow>(plan.Files.Count);
        var readNow = new List<ReportRow>(plan.ToRead.Count);
        var carryTime = TimeSpan.Zero;
        var tagTime = TimeSpan.Zero;
        var readTime = TimeSpan.Zero;
        var counts = new GenerationCounts(0, 0);

        await store.CommitAsync(generation, async (directory, token) =>
        {
            // Opened through Dataset first, which checks the generation's files and versions agree (a clear error, not a crash).
            await using var previous = plan.ToCarry.Count > 0 && current is not null
                ? await PreviousGeneration.OpenAsync(await current.OpenAsync(token), token)
                : null;
            var previousIndex = previous is null ? new Dictionary<string, int>(StringComparer.Ordinal) : IndexByPath(previous);
            await using var writer = await GenerationWriter.CreateAsync(directory, stamp, pipeline.Writer, token);
            var read = new BatchRunner(pipeline).RunAsync(plan.ToRead.Select(f => f.Path).ToList(), pipeline.Batch, progress, token).GetAsyncEnumerator(token);
            try
            {
                foreach (var file in plan.Files)
                {
                    token.ThrowIfCancellationRequested();
                    var started = clock.Elapsed;
                    if (file.Action == FileAction.Unchanged)
                    {
                        if (previous is null || !previousIndex.TryGetValue(file.Path, out var index))
                            throw new InvalidDataException($"the current dataset in {current?.Directory} lacks the rows of {file.Path}, which its manifest lists; run again with --full");
                        var carried = previous.Reports[index];
                        // Only new models make the carried rows objects: otherwise their row groups are copied as columns.
                        await writer.CarryAsync(previous, index, plan.Retag ? (report, extracts) =>
                        {
                            var rows = pipeline.Retag(new ReportRows(report, extracts));
                            carried = rows.Report;
                            return (rows.Report, rows.Extracts);
                        } : null, token);
                        reports.Add(carried);
                        if (plan.Retag) tagTime += clock.Elapsed - started;
                        else carryTime += clock.Elapsed - started;
                    }
                    else
                    {
                        if (!await read.MoveNextAsync()) throw new InvalidOperationException("the batch ended before every planned file was read");
                        var rows = read.Current;
                        readTime += clock.Elapsed - started;
                        await writer.AddAsync(rows.Report, rows.Extracts, token);
                        reports.Add(rows.Report);
                        readNow.Add(rows.Report);
                    }
                }
            }
            finally
            {
                await read.DisposeAsync();
            }
            await modelLoad;
            var finishing = clock.Elapsed;
            counts = await writer.CompleteAsync(token);
            var manifest = new RunManifest
            {
                Generation = generation,
                PipelineVersion = DatasetSchema.PipelineVersion,
                ModelVersion = pipeline.ModelVersion,
                WrittenUtc = writtenUtc,
                ReportRows = counts.ReportRows,
                ExtractRows = counts.ExtractRows,
                Files = plan.Files.Select((f, i) => ManifestEntry(f, reports[i])).ToList(),
            };
            await WriteManifestAsync(directory, manifest, token);
            carryTime += clock.Elapsed - finishing; // closing the files is writing, not reading
        }, cancellationToken);
        var writeTime = clock.Elapsed - carryTime - readTime - tagTime;
        var totals = new ExtractTotals(counts.ExtractRows, counts.LeadershipExtracts, counts.ThemedExtracts, counts.ModelVersion);
        return new RefreshOutcome(plan, reports, readNow, generation, counts.ReportRows, totals, carryTime, readTime, tagTime, writeTime);
    }

    private static Dictionary<string, int> IndexByPath(PreviousGeneration previous)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < previous.Reports.Count; i++) index.TryAdd(previous.Reports[i].SourcePath, i);
        return index;
    }

    private static ManifestFile ManifestEntry(PlannedFile file, ReportRow row) => new()
    {
        Path = file.Path,
        Size = file.Size,
        ModifiedUtc = file.ModifiedUtc,
        Sha256 = row.FileSha256,
        ReportId = row.ReportId,
        Status = row.Status,
        Failure = row.Failure?.Canonical(),
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
