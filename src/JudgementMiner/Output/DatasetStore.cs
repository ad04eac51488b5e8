using System.Globalization;
using System.Runtime.InteropServices;

namespace JudgementMiner.Output;

/// <summary>
/// The output folder as a series of complete generations, switched atomically:
/// <code>
/// out/
///   current -> generations/000007        the one atomic switch (a symbolic link replaced by rename(2))
///   reports.parquet -> current/reports.parquet
///   extracts.parquet -> current/extracts.parquet
///   manifest.json -> current/manifest.json
///   generations/000006/                  the previous generation, kept for readers that opened it
///   generations/000007/                  reports.parquet, extracts.parquet, manifest.json
///   .lock                                held while a run writes (see OutputLock)
/// </code>
/// A new generation is written in full under a hidden name, renamed into place, and only then made current, so a
/// reader (or a run killed at any moment) sees either the previous complete dataset or the new complete one, never
/// a mix: the two Parquet files and the manifest change together. Every file carries its generation in its
/// metadata (<c>judgementminer.generation</c>) so a reader can check that two files belong together.
/// </summary>
public sealed class DatasetStore(string root)
{
    public const string CurrentLink = "current";
    public const string GenerationsFolder = "generations";
    private const string IncompletePrefix = ".incomplete-";

    public string Root { get; } = Path.GetFullPath(root);

    private string Generations => Path.Combine(Root, GenerationsFolder);

    /// <summary>The current generation, or null when the folder holds no dataset written by this layout.</summary>
    public CurrentDataset? OpenCurrent()
    {
        var link = new DirectoryInfo(Path.Combine(Root, CurrentLink));
        if (link.LinkTarget is null) return null;
        var directory = link.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        if (directory is null || !File.Exists(Path.Combine(directory, RunManifest.FileName))) return null;
        return new CurrentDataset(directory, RunManifest.Read(Path.Combine(directory, RunManifest.FileName)));
    }

    /// <summary>True when the folder holds Parquet files written before generations existed (plain files, no manifest).</summary>
    public bool HasUnmanagedDataset() =>
        new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile }.Any(name =>
        {
            var info = new FileInfo(Path.Combine(Root, name));
            return info.Exists && info.LinkTarget is null;
        });

    /// <summary>The name the next generation will get: one more than the highest there is.</summary>
    public string NextGeneration()
    {
        var highest = Directory.Exists(Generations)
            ? Directory.EnumerateDirectories(Generations).Select(Path.GetFileName)
                .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max()
            : 0;
        return (highest + 1).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes a complete generation with <paramref name="write"/> (into an empty hidden folder), then makes it current.
    /// If anything fails or is cancelled before the switch, the previous dataset is untouched and the hidden folder removed.
    /// </summary>
    public async Task CommitAsync(string generation, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Generations);
        var incomplete = Path.Combine(Generations, IncompletePrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(incomplete);
        try
        {
            await write(incomplete, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            Directory.Move(incomplete, Path.Combine(Generations, generation));
        }
        catch
        {
            TryDelete(incomplete);
            throw;
        }
        var previous = OpenCurrent();
        SwitchCurrent(generation);
        LinkTopLevelNames();
        RemoveOldGenerations(keep: [generation, previous is null ? "" : Path.GetFileName(previous.Directory)]);
    }

    /// <summary>Removes what a killed run left behind: hidden incomplete generations and generations nobody points at.</summary>
    public void RemoveLeftovers()
    {
        var current = OpenCurrent();
        if (!Directory.Exists(Generations)) return;
        foreach (var directory in Directory.EnumerateDirectories(Generations, IncompletePrefix + "*")) TryDelete(directory);
        foreach (var link in Directory.EnumerateFileSystemEntries(Root, ".current-*")) File.Delete(link);
        if (current is not null) RemoveOldGenerations(keep: [Path.GetFileName(current.Directory), PreviousOf(Path.GetFileName(current.Directory))]);
    }

    private string PreviousOf(string generation) =>
        Directory.EnumerateDirectories(Generations).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.') && string.CompareOrdinal(name, generation) < 0).DefaultIfEmpty("").Max() ?? "";

    /// <summary>Points <c>current</c> at the generation with one rename(2): atomic on every POSIX file system.</summary>
    private void SwitchCurrent(string generation)
    {
        var temporaryLink = Path.Combine(Root, ".current-" + Guid.NewGuid().ToString("N"));
        File.CreateSymbolicLink(temporaryLink, Path.Combine(GenerationsFolder, generation)); // relative: the folder can be moved
        Rename(temporaryLink, Path.Combine(Root, CurrentLink));
    }

    /// <summary>Makes the contract's file names links through <c>current</c>, replacing plain files from before generations.</summary>
    private void LinkTopLevelNames()
    {
        foreach (var name in new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile, RunManifest.FileName })
        {
            var path = Path.Combine(Root, name);
            var target = Path.Combine(CurrentLink, name);
            var info = new FileInfo(path);
            if (info.LinkTarget == target) continue;
            var temporaryLink = Path.Combine(Root, $".{name}-" + Guid.NewGuid().ToString("N"));
            File.CreateSymbolicLink(temporaryLink, target);
            Rename(temporaryLink, path);
        }
    }

    private void RemoveOldGenerations(IReadOnlyCollection<string> keep)
    {
        foreach (var directory in Directory.EnumerateDirectories(Generations))
        {
            var name = Path.GetFileName(directory);
            if (!keep.Contains(name)) TryDelete(directory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is harmless (readers never look in it) and is removed by the next run.
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int NativeRename(string oldPath, string newPath);

    /// <summary>rename(2): replaces <paramref name="to"/> in one step, whatever it is (File.Move refuses a link to a folder).</summary>
    private static void Rename(string from, string to)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the dataset's atomic switch needs a POSIX file system (Linux or macOS)");
        if (NativeRename(from, to) != 0)
            throw new IOException($"could not rename {from} to {to}: {Marshal.GetLastPInvokeErrorMessage()}");
    }
}

/// <summary>The generation <c>current</c> points at: its folder and manifest.</summary>
public sealed record CurrentDataset(string Directory, RunManifest Manifest)
{
    /// <summary>Opens the generation's files (checked as <see cref="Dataset"/> checks them), not what <c>current</c> points at by now.</summary>
    public Task<Dataset> OpenAsync(CancellationToken cancellationToken = default) => Dataset.OpenAsync(Directory, cancellationToken);
}
