using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using JudgementMiner.Ingestion;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>Progress of a batch, reported after each file.</summary>
public sealed record BatchProgress(int Done, int Total, int Failed, TimeSpan Elapsed, string LatestPath, ReportStatus LatestStatus)
{
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>Options of a batch; the CLI maps its flags onto these.</summary>
public sealed record BatchOptions
{
    /// <summary>Files processed at once (default: one per core).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The time and memory one file may use before it is skipped with a failed row.</summary>
    public FileLimits Limits { get; init; } = FileLimits.Default;

    /// <summary>
    /// Files finished ahead of the one the writer waits for, at most. Results leave in input order (so an incremental
    /// run writes exactly a full run's rows) while the workers run ahead; this bounds what waits in memory.
    /// </summary>
    public int MaxAhead { get; init; } = 16;
}

/// <summary>Reads one file into its rows within a budget: the whole pipeline for one file (<see cref="Pipeline"/>).</summary>
public interface IFileReader
{
    ReportRows Read(string path, FileBudget budget, CancellationToken cancellationToken);

    /// <summary>The rows of a file stopped from outside (the watchdog), with the reason.</summary>
    ReportRows Failed(string path, IngestionFailure failure, string reason);
}

/// <summary>
/// Reads many files in parallel (one PdfPig document per file per thread; PdfPig documents are not thread-safe) and
/// hands back one result per file, in input order, as soon as it and every file before it are done. A failing file
/// never stops the batch, and neither does a file that hangs or runs away with memory: each file runs within
/// <see cref="BatchOptions.Limits"/>.
/// </summary>
public sealed class BatchRunner(IFileReader reader)
{
    /// <summary>Reads every file and returns every result (for tests and small batches).</summary>
    public IReadOnlyList<ReportRows> Run(IReadOnlyList<string> files, BatchOptions options, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<ReportRows>(files.Count);
        var enumerator = RunAsync(files, options, progress, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult()) results.Add(enumerator.Current);
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return results;
    }

    /// <summary>The results in input order, streamed: at most <see cref="BatchOptions.MaxAhead"/> finished files wait for the consumer.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (never wrapped in an <see cref="AggregateException"/>).</exception>
    public async IAsyncEnumerable<ReportRows> RunAsync(IReadOnlyList<string> files, BatchOptions options, IProgress<BatchProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (files.Count == 0) yield break;
        var slots = Enumerable.Range(0, files.Count).Select(_ => new TaskCompletionSource<ReportRows>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        using var window = new SemaphoreSlim(Math.Max(options.MaxAhead, options.MaxParallelism));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var producer = Task.Run(() =>
        {
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = stop.Token };
                // Ranges of one, handed out in order: a worker waiting for the window always holds a later file than
                // every file in it, so the consumer can always go on.
                Parallel.ForEach(Partitioner.Create(0, files.Count, 1), parallel, range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        window.Wait(stop.Token);
                        var rows = ReadWithinLimits(files[i], options.Limits, stop.Token);
                        slots[i].TrySetResult(rows);
                        var finished = Interlocked.Increment(ref done);
                        var failures = rows.Report.IsOk ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                        progress?.Report(new BatchProgress(finished, files.Count, failures, clock.Elapsed, rows.Report.SourcePath, rows.Report.ReportStatus));
                    }
                });
            }
            catch (Exception e)
            {
                var cause = Unwrap(e);
                foreach (var slot in slots) // a slot the consumer has already taken is null
                    if (cause is OperationCanceledException) slot?.TrySetCanceled(cancellationToken.IsCancellationRequested ? cancellationToken : stop.Token);
                    else slot?.TrySetException(cause);
            }
        }, CancellationToken.None);

        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                ReportRows rows;
                try
                {
                    rows = await slots[i].Task.WaitAsync(cancellationToken);
                }
                catch (TaskCanceledException e)
                {
                    throw new OperationCanceledException("the batch was cancelled", e, cancellationToken);
                }
                slots[i] = null!; // the consumer owns the rows now; let them go once it has written them
                window.Release();
                yield return rows;
            }
        }
        finally
        {
            stop.Cancel(); // a consumer that stops early (or fails) stops the workers too
            try
            {
                window.Release(files.Count); // wake any worker waiting for the window, so it sees the stop
            }
            catch (SemaphoreFullException)
            {
                // nobody was waiting
            }
            await producer;
        }
    }

    /// <summary>Parallel.ForEach wraps what its bodies throw; a cancellation is a cancellation, whatever wraps it.</summary>
    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            e = aggregate.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? aggregate.InnerExceptions[0];
        return e;
    }

    /// <summary>
    /// Reads one file on a thread-pool thread under a watchdog. The file's budget stops a slow or greedy file between
    /// pages; the watchdog covers a hang inside one page or in PdfPig's parser, where no check runs: it gives the file
    /// a failed row and abandons the work, which stops at its next cancellation check (a truly stuck thread is a
    /// background thread and ends with the process). Pool threads rather than a new thread per file: a new thread
    /// per file made the corpus run 10% slower.
    /// </summary>
    private ReportRows ReadWithinLimits(string path, FileLimits limits, CancellationToken cancellationToken)
    {
        if (limits.TimeLimit == Timeout.InfiniteTimeSpan) return reader.Read(path, FileBudget.Start(limits), cancellationToken);
        // Not disposed on a timeout: the abandoned work still holds its token.
        var fileCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => reader.Read(path, FileBudget.Start(limits), fileCancellation.Token), fileCancellation.Token);
        var first = Task.WhenAny(work, Task.Delay(limits.TimeLimit, cancellationToken)).GetAwaiter().GetResult();
        if (first == work)
        {
            fileCancellation.Dispose();
            return work.GetAwaiter().GetResult();
        }
        cancellationToken.ThrowIfCancellationRequested();
        fileCancellation.Cancel();
        return reader.Failed(path, IngestionFailure.TimeLimit, FileBudget.TimeLimitReason(limits.TimeLimit));
    }
}
