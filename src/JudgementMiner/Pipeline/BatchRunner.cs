using System.Collections.Concurrent;
using System.Diagnostics;
using JudgementMiner.Ingestion;

namespace JudgementMiner.Pipeline;

/// <summary>Progress of a batch, reported after each file.</summary>
public sealed record BatchProgress(int Done, int Total, int Failed, TimeSpan Elapsed, IngestedReport Latest)
{
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>Options for a batch; the CLI maps its flags onto these.</summary>
public sealed record BatchOptions
{
    /// <summary>Files processed at once (default: one per core).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Ingests many files in parallel (one PdfPig document per file per thread; PdfPig documents are not thread-safe)
/// and returns one result per file, in input order. A failing file never stops the batch.
/// </summary>
public sealed class BatchRunner(ReportIngestor ingestor)
{
    /// <summary>Ingests every file and keeps the whole result (text included): for tests and small batches.</summary>
    public IReadOnlyList<IngestedReport> Run(IReadOnlyList<string> files, BatchOptions options, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(files, options, report => report, progress, cancellationToken);

    /// <summary>
    /// Ingests every file and keeps only what <paramref name="project"/> makes of each result, so that a large batch
    /// does not hold every report's text in memory at once.
    /// </summary>
    public IReadOnlyList<T> Run<T>(IReadOnlyList<string> files, BatchOptions options, Func<IngestedReport, T> project,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new T[files.Count];
        if (files.Count == 0) return results;
        var done = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(0, files.Count, 1), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var result = ingestor.Ingest(files[i], cancellationToken);
                results[i] = project(result);
                var finished = Interlocked.Increment(ref done);
                var failures = result.Status == ReportStatus.Ok ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                progress?.Report(new BatchProgress(finished, files.Count, failures, clock.Elapsed, result));
            }
        });
        return results;
    }
}
