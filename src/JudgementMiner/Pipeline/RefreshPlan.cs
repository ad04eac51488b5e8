using JudgementMiner.Ingestion;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>What a run does with one input file.</summary>
public enum FileAction
{
    /// <summary>Not in the dataset yet.</summary>
    New,

    /// <summary>In the dataset, but its size or modification time changed.</summary>
    Changed,

    /// <summary>Unchanged, but redone: a full run, a new pipeline version, or a retry after it hit a time or memory limit.</summary>
    Redo,

    /// <summary>Unchanged: its rows are carried over from the current dataset.</summary>
    Unchanged,
}

/// <summary>One discovered input file, as seen at planning time, and what the run does with it.</summary>
public sealed record PlannedFile(string Path, long Size, DateTime ModifiedUtc, FileAction Action, ManifestFile? Previous);

/// <summary>The work of one run: which files to read, which rows to carry over, which to drop, and whether to re-tag.</summary>
/// <param name="Retag">The models changed since the current dataset: carried extracts are tagged again (their text is not re-read).</param>
/// <param name="Why">One line for the log: why the run does what it does.</param>
public sealed record RefreshPlan(IReadOnlyList<PlannedFile> Files, IReadOnlyList<ManifestFile> Removed, bool Retag, string Why)
{
    public IReadOnlyList<PlannedFile> ToRead { get; } = Files.Where(f => f.Action != FileAction.Unchanged).ToList();

    public IReadOnlyList<PlannedFile> ToCarry { get; } = Files.Where(f => f.Action == FileAction.Unchanged).ToList();

    /// <summary>Nothing to read, drop or re-tag: the current dataset is already up to date.</summary>
    public bool IsUpToDate => ToRead.Count == 0 && Removed.Count == 0 && !Retag;

    public int Count(FileAction action) => Files.Count(f => f.Action == action);
}

/// <summary>
/// Compares the input files with the current dataset's manifest. A file is unchanged when its path, size and
/// modification time are as recorded (the way make and rsync decide; a changed file that kept both would need
/// <c>--full</c>). Every file is redone when there is no usable manifest, when asked, or when the pipeline version
/// changed; only the tagging is redone when only the model version changed.
/// </summary>
public static class RefreshPlanner
{
    public static RefreshPlan Plan(IReadOnlyList<string> files, RunManifest? current, string pipelineVersion, string? modelVersion, bool full)
    {
        var stats = files.Select(path => new FileInfo(path)).Select(info => (info.FullName, info.Length, info.LastWriteTimeUtc)).ToList();
        string? redoAll = full ? "--full: every file is read again"
            : current is null ? "no dataset in the output folder yet: every file is read"
            : current.PipelineVersion != pipelineVersion ? $"pipeline version {current.PipelineVersion} -> {pipelineVersion}: every file is read again"
            : current.ModelVersion is not null && modelVersion is null ? "no models this time: every file is read again, untagged"
            : null;
        var previous = current?.Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
                       ?? new Dictionary<string, ManifestFile>(StringComparer.Ordinal);

        var planned = stats.Select(file =>
        {
            previous.TryGetValue(file.FullName, out var before);
            var action = before is null ? FileAction.New
                : before.Size != file.Length || before.ModifiedUtc != file.LastWriteTimeUtc ? FileAction.Changed
                : redoAll is not null || HitALimit(before) ? FileAction.Redo
                : FileAction.Unchanged;
            return new PlannedFile(file.FullName, file.Length, file.LastWriteTimeUtc, action, before);
        }).ToList();
        var seen = stats.Select(s => s.FullName).ToHashSet(StringComparer.Ordinal);
        var removed = previous.Values.Where(f => !seen.Contains(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var retag = redoAll is null && current is not null && modelVersion is not null && current.ModelVersion != modelVersion;
        var why = redoAll ?? (retag ? $"model version {current!.ModelVersion ?? "none"} -> {modelVersion}: carried extracts are tagged again"
            : "incremental: only new and changed files are read");
        return new RefreshPlan(planned, removed, retag, why);
    }

    /// <summary>A file stopped by the time or memory limit is tried again by the next run (the machine may have been busy).</summary>
    private static bool HitALimit(ManifestFile file) => IngestionFailureNames.Parse(file.Failure)?.IsRetried() == true;
}
