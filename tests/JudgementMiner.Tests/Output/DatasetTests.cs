using System.Runtime.InteropServices;
using JudgementMiner.Ingestion;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;
using JudgementMiner.Tests.Analysis;
using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Tests.Output;

/// <summary><see cref="Dataset"/>: one generation per opening, and a clear error for every folder it cannot read.</summary>
public class DatasetTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    [Fact]
    public async Task Opens_the_sample_dataset_through_current_with_its_versions_and_manifest()
    {
        var dataset = await Dataset.OpenAsync(sample.Directory);

        var current = new DatasetStore(sample.Directory).OpenCurrent()!;
        Assert.Equal(current.Directory, dataset.Directory);
        Assert.Equal(current.Manifest.Generation, dataset.Generation);
        Assert.Equal(DatasetSchema.Version, dataset.SchemaVersion);
        Assert.Equal(DatasetSchema.PipelineVersion, dataset.PipelineVersion);
        Assert.NotNull(dataset.ModelVersion);
        Assert.Equal(current.Manifest.Generation, dataset.Manifest!.Generation);
        Assert.Equal(dataset.Generation, dataset.Metadata[DatasetSchema.ExtractsFile][Dataset.GenerationKey]);
        Assert.StartsWith(dataset.Directory, dataset.ExtractsPath);

        var reports = await dataset.ReadReportsAsync();
        var extracts = await dataset.ReadExtractsAsync();
        Assert.Equal(dataset.Manifest.ReportRows, reports.Count);
        Assert.Equal(dataset.Manifest.ExtractRows, extracts.Count);
        Assert.Equal(sample.Reports.Select(r => r.SourcePath), reports.Select(r => r.SourcePath));
        var byRowGroup = new List<ExtractRow>();
        await foreach (var rowGroup in dataset.ReadExtractRowGroupsAsync()) byRowGroup.AddRange(rowGroup);
        Assert.Equal(extracts.Select(e => e.ExtractId), byRowGroup.Select(e => e.ExtractId));
    }

    [Fact]
    public async Task A_switch_of_current_after_opening_still_reads_the_opened_generation()
    {
        using var temp = new TempDirectory();
        var inputs = Path.Combine(temp.Path, "inputs");
        foreach (var pdf in Fixtures.SamplePdfs)
        {
            var target = Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, pdf));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(pdf, target);
        }
        var output = Path.Combine(temp.Path, "out");
        await RefreshAsync(inputs, output);
        var removed = Path.Combine(inputs, Path.GetRelativePath(Fixtures.SampleDirectory, Fixtures.SmallestRealPdf));
        File.Delete(removed);
        await RefreshAsync(inputs, output); // generation 000002, without the removed report; 000001 is kept
        SwitchCurrent(output, "000001");

        var dataset = await Dataset.OpenAsync(output);
        SwitchCurrent(output, "000002"); // what a refresh does while a reader works
        var reports = await dataset.ReadReportsAsync();
        var extracts = await dataset.ReadExtractsAsync();

        Assert.Equal("000001", dataset.Generation);
        Assert.Contains(reports, r => r.SourcePath == removed);
        Assert.Equal(dataset.Manifest!.ExtractRows, extracts.Count);
        Assert.Contains(extracts, e => e.ReportId == reports.Single(r => r.SourcePath == removed).ReportId);
        // The switch did happen: opening again reads the second generation.
        var reopened = await Dataset.OpenAsync(output);
        Assert.Equal("000002", reopened.Generation);
        Assert.DoesNotContain(await reopened.ReadReportsAsync(), r => r.SourcePath == removed);
    }

    [Fact]
    public async Task Files_of_two_generations_are_refused_naming_both_files()
    {
        using var temp = new TempDirectory();
        var reports = sample.Reports.Take(2).ToList();
        var extracts = sample.Extracts.Where(e => reports.Any(r => r.ReportId == e.ReportId)).ToList();
        await DatasetWriter.Instance.WriteAsync(temp.Path, reports, extracts, Stamp("000001"));
        await DatasetWriter.Instance.WriteReportsAsync(temp.Path, reports, Stamp("000002"));

        var error = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(temp.Path));

        Assert.Contains(Path.Combine(temp.Path, DatasetSchema.ReportsFile) + " (generation 000002)", error.Message);
        Assert.Contains(Path.Combine(temp.Path, DatasetSchema.ExtractsFile) + " (generation 000001)", error.Message);
        Assert.Contains("--full", error.Message);
    }

    [Fact]
    public async Task A_manifest_of_another_generation_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        await DatasetWriter.Instance.WriteAsync(temp.Path, sample.Reports.Take(1).ToList(), [], Stamp("000001"));
        var manifest = new RunManifest
        {
            Generation = "000003", PipelineVersion = DatasetSchema.PipelineVersion, WrittenUtc = DateTimeOffset.UtcNow, ReportRows = 1, ExtractRows = 0, Files = [],
        };
        File.WriteAllText(temp.File(RunManifest.FileName), manifest.ToJson());

        var error = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(temp.Path));

        Assert.Contains(Path.Combine(temp.Path, RunManifest.FileName) + " names generation 000003", error.Message);
    }

    [Fact]
    public async Task Another_schema_major_asks_for_a_full_run_and_another_minor_opens()
    {
        using var temp = new TempDirectory();
        var newer = Path.Combine(temp.Path, "newer-major");
        var newerMajor = $"{int.Parse(DatasetSchema.Version.Split('.')[0]) + 1}.0";
        await WriteWithSchemaAsync(newer, newerMajor);

        var error = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(newer));

        Assert.Equal($"{newer} was written by schema {newerMajor}, this program reads {DatasetSchema.Version}: re-run 'judgementminer run ... --out {newer} --full'", error.Message);
        var minor = Path.Combine(temp.Path, "newer-minor");
        await WriteWithSchemaAsync(minor, DatasetSchema.Version.Split('.')[0] + ".9");
        Assert.Equal(2, (await (await Dataset.OpenAsync(minor)).ReadReportsAsync()).Count);
    }

    [Fact]
    public async Task A_truncated_extracts_file_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        var output = TruncatedCopy(temp.Path);

        var error = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(output));

        Assert.StartsWith($"{Path.Combine(output, DatasetStore.CurrentLink, DatasetSchema.ExtractsFile)} cannot be read (truncated or damaged): ", error.Message);
        Assert.EndsWith("--full'", error.Message);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_dataset_says_to_run_first()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.txt"), "not a dataset");

        var error = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(temp.Path));
        Assert.Equal($"{temp.Path} is not a dataset: it has no reports.parquet and extracts.parquet; run 'judgementminer run' first", error.Message);

        var missing = Path.Combine(temp.Path, "nowhere");
        var none = await Assert.ThrowsAsync<DatasetOpenException>(() => Dataset.OpenAsync(missing));
        Assert.Contains($"{missing} is not a dataset", none.Message);
    }

    [Fact]
    public async Task Stats_over_a_truncated_dataset_exits_2_with_the_error_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        var output = TruncatedCopy(temp.Path);

        var (exitCode, _, stderr) = await CliTests.RunCliAsync("stats", "--dataset", output);

        Assert.True(exitCode == 2, $"exit code {exitCode}: {stderr}");
        Assert.StartsWith($"error: {Path.Combine(output, DatasetStore.CurrentLink, DatasetSchema.ExtractsFile)} cannot be read (truncated or damaged)", stderr);
        Assert.DoesNotContain("Unhandled", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static DatasetStamp Stamp(string generation) => new(DateTimeOffset.UtcNow, generation, null);

    private static async Task RefreshAsync(string inputs, string output)
    {
        var refresher = new DatasetRefresher(new DatasetStore(output), Fixtures.Pipeline);
        await refresher.RunAsync(refresher.Plan(InputDiscovery.FindPdfs([inputs]), new RefreshOptions()), null, CancellationToken.None);
    }

    /// <summary>A copy of the sample dataset's generation behind its own <c>current</c> link, with extracts.parquet cut in half.</summary>
    private string TruncatedCopy(string root)
    {
        var output = Path.Combine(root, "out");
        var generation = Path.Combine(output, DatasetStore.GenerationsFolder, "000001");
        Directory.CreateDirectory(generation);
        var source = new DatasetStore(sample.Directory).OpenCurrent()!.Directory;
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(generation, Path.GetFileName(file)));
        File.CreateSymbolicLink(Path.Combine(output, DatasetStore.CurrentLink), Path.Combine(DatasetStore.GenerationsFolder, "000001"));
        var extracts = Path.Combine(generation, DatasetSchema.ExtractsFile);
        using (var stream = new FileStream(extracts, FileMode.Open)) stream.SetLength(stream.Length / 2);
        return output;
    }

    private async Task WriteWithSchemaAsync(string folder, string schemaVersion)
    {
        Directory.CreateDirectory(folder);
        var metadata = new Dictionary<string, string> { [Dataset.SchemaVersionKey] = schemaVersion, [Dataset.GenerationKey] = "000001" };
        await using (var stream = File.Create(Path.Combine(folder, DatasetSchema.ReportsFile)))
            await ParquetSerializer.SerializeAsync(sample.Reports.Take(2), stream, new ParquetOptions(), metadata);
        await using (var stream = File.Create(Path.Combine(folder, DatasetSchema.ExtractsFile)))
            await ParquetSerializer.SerializeAsync(sample.Extracts.Take(2), stream, new ParquetOptions(), metadata);
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string oldPath, string newPath);

    /// <summary>Points <c>current</c> at a generation by hand, as the store does: a new link renamed over the old one.</summary>
    private static void SwitchCurrent(string output, string generation)
    {
        var temporary = Path.Combine(output, ".current-test");
        File.CreateSymbolicLink(temporary, Path.Combine(DatasetStore.GenerationsFolder, generation));
        Assert.Equal(0, Rename(temporary, Path.Combine(output, DatasetStore.CurrentLink)));
    }
}
