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
    public static IReadOnlyList<T> Run<T>(IReadOnlyList<string> files, Func<IProgress<BatchProgress>, IReadOnlyList<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var gate = new object();
            return work(new SynchronousProgress(p =>
            {
                lock (gate)
                    Console.WriteLine($"[{p.Done}/{p.Total}] {p.Latest.Status.Canonical(),-20} {p.FilesPerSecond,5:0.0} files/s  {Path.GetFileName(Path.GetDirectoryName(p.Latest.SourcePath))}/{Path.GetFileName(p.Latest.SourcePath)}");
            }));
        }

        IReadOnlyList<T> results = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Reading 0/{files.Count} reports", maxValue: files.Count);
                results = work(new SynchronousProgress(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"Reading {p.Done}/{p.Total} reports ({p.FilesPerSecond:0.0}/s, {p.Failed} failed)";
                }));
            });
        return results;
    }

    /// <summary>Reports on the calling thread at once (Progress&lt;T&gt; would post to a thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
