using System.Diagnostics;

namespace JudgementMiner.Ingestion;

/// <summary>The most time and memory one file may use; <see cref="FileBudget"/> enforces them for one file.</summary>
/// <param name="TimeLimit">Wall-clock time to read one file (text, facts and sentences).</param>
/// <param name="MemoryLimitBytes">Managed memory the reading thread may allocate for one file.</param>
public sealed record FileLimits(TimeSpan TimeLimit, long MemoryLimitBytes)
{
    /// <summary>
    /// Far above any real report (measured over the 364 corpus files on one thread: at most 99 MiB allocated while the
    /// text is read, at most 1.0 s per file, the first with JIT warm-up, 0.35 s otherwise), low enough that a
    /// pathological file cannot hold a nightly batch for long or exhaust the machine.
    /// </summary>
    public static FileLimits Default { get; } = new(TimeSpan.FromSeconds(120), 4L << 30);

    public static FileLimits None { get; } = new(Timeout.InfiniteTimeSpan, long.MaxValue);
}

/// <summary>
/// One file's budget, checked between pages by the text extractor. Allocation is counted on the reading thread
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), which is the file's own: one file is read on one thread.
/// A hang inside a single page is not seen here; the batch's watchdog catches that (see <c>GuardedFileRunner</c>).
/// </summary>
public sealed class FileBudget
{
    private readonly FileLimits limits;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();

    private FileBudget(FileLimits limits) => this.limits = limits;

    public static FileBudget Unlimited => new(FileLimits.None);

    /// <summary>Starts the budget on the thread that will read the file.</summary>
    public static FileBudget Start(FileLimits limits) => new(limits);

    /// <exception cref="IngestionException">The file has used up its time or memory.</exception>
    public void Check(string path)
    {
        if (limits.TimeLimit != Timeout.InfiniteTimeSpan && clock.Elapsed > limits.TimeLimit)
            throw new IngestionException(path, IngestionFailure.TimeLimit, TimeLimitReason(limits.TimeLimit));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
        if (allocated > limits.MemoryLimitBytes)
            throw new IngestionException(path, IngestionFailure.MemoryLimit,
                $"reading the file allocated more than the {limits.MemoryLimitBytes >> 20} MiB limit; the file was skipped");
    }

    public static string TimeLimitReason(TimeSpan limit) => $"reading the file took longer than the {limit.TotalSeconds:0} s limit; the file was skipped";
}
