using JudgementMiner.Output;

namespace JudgementMiner.Tests.Refresh;

public class DatasetStoreTests
{
    private static RunManifest Manifest(string generation) => new()
    {
        Generation = generation, PipelineVersion = DatasetSchema.PipelineVersion, WrittenUtc = DateTimeOffset.UnixEpoch, ReportRows = 0,
        ExtractRows = 0, Files = [],
    };

    private static Func<string, CancellationToken, Task> Writes(string generation, string content) => (directory, _) =>
    {
        File.WriteAllText(Path.Combine(directory, DatasetSchema.ReportsFile), content);
        File.WriteAllText(Path.Combine(directory, DatasetSchema.ExtractsFile), content);
        File.WriteAllText(Path.Combine(directory, RunManifest.FileName), Manifest(generation).ToJson());
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Each_commit_switches_every_name_at_once_and_keeps_only_the_previous_generation()
    {
        using var temp = new TempDirectory();
        var store = new DatasetStore(temp.Path);
        foreach (var n in new[] { "000001", "000002", "000003" })
        {
            Assert.Equal(n, store.NextGeneration());
            await store.CommitAsync(n, Writes(n, $"content {n}"), CancellationToken.None);
            Assert.Equal($"content {n}", File.ReadAllText(temp.File(DatasetSchema.ReportsFile)));
            Assert.Equal($"content {n}", File.ReadAllText(temp.File(DatasetSchema.ExtractsFile)));
            Assert.Equal(n, store.OpenCurrent()!.Manifest.Generation);
        }
        Assert.Equal(["000002", "000003"], Directory.EnumerateDirectories(temp.File(DatasetStore.GenerationsFolder)).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_write_that_fails_or_is_cancelled_leaves_the_previous_dataset_and_no_leftovers()
    {
        using var temp = new TempDirectory();
        var store = new DatasetStore(temp.Path);
        await store.CommitAsync("000001", Writes("000001", "good"), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => store.CommitAsync("000002", async (directory, token) =>
        {
            await Writes("000002", "half")(directory, token);
            throw new IOException("disk full");
        }, CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitAsync("000002", (directory, token) =>
        {
            cancelled.Cancel();
            return Writes("000002", "half")(directory, token);
        }, cancelled.Token));

        Assert.Equal("good", File.ReadAllText(temp.File(DatasetSchema.ReportsFile)));
        Assert.Equal(["000001"], Directory.EnumerateFileSystemEntries(temp.File(DatasetStore.GenerationsFolder)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Leftovers_of_a_killed_run_are_removed_and_the_dataset_kept()
    {
        using var temp = new TempDirectory();
        var store = new DatasetStore(temp.Path);
        await store.CommitAsync("000001", Writes("000001", "good"), CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(temp.Path, DatasetStore.GenerationsFolder, ".incomplete-0123"));
        Directory.CreateDirectory(Path.Combine(temp.Path, DatasetStore.GenerationsFolder, "000002")); // renamed, never made current

        store.RemoveLeftovers();

        Assert.Equal("good", File.ReadAllText(temp.File(DatasetSchema.ReportsFile)));
        Assert.Equal(["000001"], Directory.EnumerateFileSystemEntries(temp.File(DatasetStore.GenerationsFolder)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Plain_files_from_before_generations_are_replaced_by_links()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File(DatasetSchema.ReportsFile), "old");
        var store = new DatasetStore(temp.Path);
        Assert.True(store.HasUnmanagedDataset());
        Assert.Null(store.OpenCurrent());

        await store.CommitAsync("000001", Writes("000001", "new"), CancellationToken.None);

        Assert.False(store.HasUnmanagedDataset());
        Assert.Equal("new", File.ReadAllText(temp.File(DatasetSchema.ReportsFile)));
    }
}

public class OutputLockTests
{
    [Fact]
    public void A_second_lock_on_the_same_folder_is_refused_and_names_the_holder()
    {
        using var temp = new TempDirectory();
        using (OutputLock.Acquire(temp.Path))
        {
            var refused = Assert.Throws<OutputLockedException>(() => OutputLock.Acquire(temp.Path));
            Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
            Assert.Contains(temp.Path, refused.Message);
        }
        using var again = OutputLock.Acquire(temp.Path); // released on dispose
        Assert.Null(again.StaleHolder);
    }

    [Fact]
    public void A_lock_file_left_by_a_dead_run_is_taken_over_and_reported()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File(OutputLock.FileName), "");
        File.WriteAllText(temp.File(OutputLock.HolderFileName), "pid 999999 on elsewhere, since 2026-01-01T00:00:00Z");
        using var taken = OutputLock.Acquire(temp.Path);
        Assert.Equal("pid 999999 on elsewhere, since 2026-01-01T00:00:00Z", taken.StaleHolder);
    }
}
