using JudgementMiner.Ingestion;
using JudgementMiner.Pipeline;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary>
/// Shows a batch's progress: a live bar with the file count and rate on an interactive terminal, plain log lines
/// (one per file, with a count and the rate) when output is redirected, as in a scheduled job's log.
/// </summary>
internal static class BatchProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress display for <paramref name="total"/> files; plain lines go to <paramref name="log"/>.</summary>
    public static async Task<T> RunAsync<T>(int total, Func<IProgress<BatchProgress>, Task<T>> work, TextWriter log, bool live = true)
    {
        if (!live || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var gate = new object();
            return await work(new SynchronousProgress(p =>
            {
                lock (gate)
                    log.WriteLine($"[{p.Done}/{p.Total}] {p.LatestStatus.Canonical(),-20} {p.FilesPerSecond,5:0.0} files/s  {Path.GetFileName(Path.GetDirectoryName(p.LatestPath))}/{Path.GetFileName(p.LatestPath)}");
            }));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Reading 0/{total} reports", maxValue: Math.Max(total, 1));
                result = await work(new SynchronousProgress(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"Reading {p.Done}/{p.Total} reports ({p.FilesPerSecond:0.0}/s, {p.Failed} failed)";
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the calling thread at once (Progress&lt;T&gt; would post to a thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
