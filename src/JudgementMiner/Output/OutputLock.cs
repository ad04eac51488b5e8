using System.Globalization;

namespace JudgementMiner.Output;

/// <summary>
/// Stops two runs writing one output folder at once. The lock is an exclusive OS lock (flock on Linux and macOS,
/// taken by .NET for <see cref="FileShare.None"/>) on <c>.lock</c>; <c>.lock.holder</c> records the holder's process
/// id and start time (a separate file, because .NET cannot even read a file another handle holds with flock). The
/// OS drops the lock when its process dies, however it dies, so a holder left by a killed run is stale by
/// construction: the next run takes the lock over and says so.
/// </summary>
public sealed class OutputLock : IDisposable
{
    public const string FileName = ".lock";

    public const string HolderFileName = ".lock.holder";

    private readonly FileStream stream;

    private readonly string holderPath;

    private OutputLock(FileStream stream, string holderPath, string? staleHolder)
    {
        this.stream = stream;
        this.holderPath = holderPath;
        StaleHolder = staleHolder;
    }

    /// <summary>Set when the lock file was left by an earlier run that is no longer running: who it was.</summary>
    public string? StaleHolder { get; }

    /// <exception cref="OutputLockedException">Another running process holds the lock.</exception>
    public static OutputLock Acquire(string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new OutputLockedException(outputDirectory, ReadHolder(path));
        }
        var holderPath = Path.Combine(outputDirectory, HolderFileName);
        var stale = File.Exists(holderPath) ? File.ReadAllText(holderPath).Trim() : null;
        File.WriteAllText(holderPath, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName}, since {DateTimeOffset.UtcNow:O}"));
        return new OutputLock(stream, holderPath, string.IsNullOrEmpty(stale) ? null : stale);
    }

    private static string ReadHolder(string path)
    {
        try
        {
            var holder = Path.Combine(Path.GetDirectoryName(path)!, HolderFileName);
            return File.Exists(holder) ? File.ReadAllText(holder).Trim() : "another process";
        }
        catch (IOException)
        {
            return "another process";
        }
    }

    /// <summary>Removes the holder record and releases the lock, so that the next run finds no stale holder.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(holderPath);
        }
        catch (IOException)
        {
            // The lock is released below whatever happens; a leftover record only makes the next run say "stale".
        }
        stream.Dispose();
    }
}

/// <summary>Another run is writing this output folder.</summary>
public sealed class OutputLockedException(string outputDirectory, string holder)
    : Exception($"{outputDirectory} is being written by another run ({holder}); try again when it has finished")
{
    public string Holder { get; } = holder;
}
