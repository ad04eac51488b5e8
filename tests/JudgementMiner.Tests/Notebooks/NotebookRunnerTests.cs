using System.Text.Json.Nodes;
using JudgementMiner.Cli.Notebooks;
using JudgementMiner.Tests.Analysis;

namespace JudgementMiner.Tests.Notebooks;

/// <summary>The shipped notebooks run headless against the sample dataset and get their outputs written back.</summary>
public class NotebookRunnerTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    public static TheoryData<string> ShippedNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedNotebooks))]
    public async Task Every_code_cell_runs_and_its_outputs_are_written_back(string name)
    {
        using var temp = new TempDirectory();
        var copy = Path.Combine(temp.Path, name);
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "notebooks", name)))!;
        // Start from no outputs, so every output checked below comes from this run.
        foreach (var cell in original["cells"]!.AsArray()) cell!["outputs"] = new JsonArray();
        File.WriteAllText(copy, original.ToJsonString());
        Environment.SetEnvironmentVariable("JUDGEMENTMINER_DATASET", sample.Directory);

        var executed = await NotebookRunner.RunAsync(copy, CancellationToken.None);

        var cells = JsonNode.Parse(File.ReadAllText(copy))!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.Equal(cells.Count, executed);
        Assert.All(cells, c => Assert.NotEmpty(c!["outputs"]!.AsArray()));
        Assert.Equal(Enumerable.Range(1, cells.Count), cells.Select(c => (int)c!["execution_count"]!));
        Assert.True(original["cells"]!.AsArray().Any(c => (string?)c!["cell_type"] == "markdown"), "each notebook explains itself in markdown");
    }

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_notebook_and_number()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "broken.ipynb");
        File.WriteAllText(path, """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["var x = 1;\n", "Console.WriteLine(x);"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["throw new InvalidOperationException(\"no data\");"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        var error = await Assert.ThrowsAsync<NotebookFailedException>(() => NotebookRunner.RunAsync(path, CancellationToken.None));
        Assert.Contains("broken.ipynb", error.Message);
        Assert.Contains("code cell 2", error.Message);
        Assert.Contains("no data", error.Message);
    }
}
