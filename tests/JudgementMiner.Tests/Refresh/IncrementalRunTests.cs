using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Refresh;

/// <summary>
/// Incremental runs on copies of the real sample reports, with the shipped models: whatever the history of a
/// folder, its dataset must equal what one full run over the same inputs writes.
/// </summary>
public class IncrementalRunTests : IClassFixture<IncrementalRunTests.ShippedModels>
{
    public sealed class ShippedModels
    {
        public ThemeModelSource Source { get; } = ThemeModelSource.FromDirectory(Path.Combine(Fixtures.RepoRoot, "models"));
    }

    private readonly ThemeModelSource models;

    public IncrementalRunTests(ShippedModels shipped) => models = shipped.Source;

    private async Task<RefreshOutcome> RunAsync(string inputs, string output, bool full = false, ThemeModelSource? withModels = null)
    {
        var refresher = new DatasetRefresher(new DatasetStore(output), new PipelineBuilder().UseModels(withModels ?? models).Build());
        var options = new RefreshOptions { Full = full };
        var plan = refresher.Plan(InputDiscovery.FindPdfs([inputs]), options);
        return await refresher.RunAsync(plan, null, CancellationToken.None);
    }

    /// <summary>Runs in full over the same inputs into a new folder and asserts that <paramref name="output"/> holds the same rows.</summary>
    private async Task AssertSameAsAFullRunAsync(string inputs, string output, string scratch, string because, ThemeModelSource? withModels = null)
    {
        var full = Path.Combine(scratch, "full");
        await RunAsync(inputs, full, withModels: withModels);
        await DatasetAssert.SameRowsAsync(full, output, because);
    }

    /// <summary>Copies the sample reports (all but <paramref name="leaveOut"/>) into a new input folder.</summary>
    private static string CopySample(string root, params string[] leaveOut)
    {
        var inputs = Path.Combine(root, "inputs");
        foreach (var pdf in Fixtures.SamplePdfs.Where(p => !leaveOut.Contains(p)))
        {
            var target = Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, pdf));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(pdf, target);
        }
        return inputs;
    }

    private static string CopyOne(string inputs, string samplePdf)
    {
        var target = Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, samplePdf));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(samplePdf, target);
        return target;
    }

    [Fact]
    public async Task Adding_one_report_reads_exactly_that_file_and_the_dataset_equals_a_full_run()
    {
        using var temp = new TempDirectory();
        var added = Fixtures.SmallestRealPdf;
        var inputs = CopySample(temp.Path, added);
        var output = Path.Combine(temp.Path, "out");
        await RunAsync(inputs, output);

        var addedCopy = CopyOne(inputs, added);
        var outcome = await RunAsync(inputs, output);

        Assert.Equal([addedCopy], outcome.ReadNow.Select(r => r.SourcePath));
        Assert.Equal(Fixtures.SamplePdfs.Count - 1, outcome.Plan.ToCarry.Count);
        await AssertSameAsAFullRunAsync(inputs, output, temp.Path, "incremental run after adding one report");
    }

    [Fact]
    public async Task A_removed_report_loses_its_rows_and_a_no_op_run_writes_nothing()
    {
        using var temp = new TempDirectory();
        var inputs = CopySample(temp.Path);
        var output = Path.Combine(temp.Path, "out");
        var first = await RunAsync(inputs, output);

        var again = await RunAsync(inputs, output);
        Assert.False(again.Wrote);
        Assert.Empty(again.ReadNow);
        Assert.Equal(first.Generation, new DatasetStore(output).OpenCurrent()!.Manifest.Generation);

        var removed = Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, Fixtures.SmallestRealPdf));
        File.Delete(removed);
        var afterRemoval = await RunAsync(inputs, output);
        Assert.Empty(afterRemoval.ReadNow);
        Assert.Equal([removed], afterRemoval.Plan.Removed.Select(f => f.Path));
        var reports = await (await Dataset.OpenAsync(output)).ReadReportsAsync();
        Assert.DoesNotContain(reports, r => r.SourcePath == removed);

        await AssertSameAsAFullRunAsync(inputs, output, temp.Path, "incremental run after removing one report");
    }

    [Fact]
    public async Task Two_full_runs_over_the_same_inputs_write_identical_rows()
    {
        using var temp = new TempDirectory();
        var inputs = CopySample(temp.Path);
        var a = Path.Combine(temp.Path, "a");
        var b = Path.Combine(temp.Path, "b");
        await RunAsync(inputs, a);
        await RunAsync(inputs, b, full: true);
        await RunAsync(inputs, b, full: true); // and again into a folder that already has a dataset
        await DatasetAssert.SameRowsAsync(a, b, "second full run");
        Assert.NotEmpty(await (await Dataset.OpenAsync(a)).ReadExtractsAsync());

        // And the comparison can fail: a dataset without one report differs.
        File.Delete(Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, Fixtures.SmallestRealPdf)));
        await RunAsync(inputs, b);
        var differences = await Evaluation.DatasetComparer.CompareAsync(a, b);
        Assert.Contains(differences, d => d.File == DatasetSchema.ReportsFile);
    }

    [Fact]
    public async Task Cancelling_a_run_leaves_the_previous_dataset_intact()
    {
        using var temp = new TempDirectory();
        var inputs = CopySample(temp.Path);
        var output = Path.Combine(temp.Path, "out");
        await RunAsync(inputs, output);
        var before = Path.Combine(temp.Path, "before");
        Directory.CreateDirectory(before);
        foreach (var file in new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile }) File.Copy(Path.Combine(output, file), Path.Combine(before, file));

        using var cancel = new CancellationTokenSource();
        var refresher = new DatasetRefresher(new DatasetStore(output),
            new PipelineBuilder { Batch = new BatchOptions { MaxParallelism = 1 } }.UseModels(models).Build());
        var options = new RefreshOptions { Full = true };
        var plan = refresher.Plan(InputDiscovery.FindPdfs([inputs]), options);
        var progress = new CancelAfterFirstFile(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresher.RunAsync(plan, progress, cancel.Token));

        await DatasetAssert.SameRowsAsync(before, output, "after a cancelled run");
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(output, DatasetStore.GenerationsFolder)));
    }

    [Fact]
    public async Task New_models_retag_the_dataset_without_reading_a_pdf()
    {
        using var temp = new TempDirectory();
        var inputs = CopySample(temp.Path);
        var output = Path.Combine(temp.Path, "out");
        await RunAsync(inputs, output);

        // The same models under a new version: everything must be re-tagged, nothing re-read.
        var renamed = Path.Combine(temp.Path, "models");
        Directory.CreateDirectory(renamed);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "models"))) File.Copy(file, Path.Combine(renamed, Path.GetFileName(file)));
        var thresholds = Path.Combine(renamed, ThemeModel.ThresholdsFile);
        File.WriteAllText(thresholds, File.ReadAllText(thresholds).Replace(models.Version, "themes-retag-test", StringComparison.Ordinal));
        var newModels = ThemeModelSource.FromDirectory(renamed);

        var outcome = await RunAsync(inputs, output, withModels: newModels);

        Assert.True(outcome.Plan.Retag);
        Assert.Empty(outcome.ReadNow);
        var extracts = await (await Dataset.OpenAsync(output)).ReadExtractsAsync();
        Assert.All(extracts, e => Assert.Equal("themes-retag-test", e.ModelVersion));
        await AssertSameAsAFullRunAsync(inputs, output, temp.Path, "re-tagged dataset", newModels);
    }

    private sealed class CancelAfterFirstFile(CancellationTokenSource cancel) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => cancel.Cancel();
    }
}
