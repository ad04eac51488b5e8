using System.Text.Json;
using JudgementMiner.Tests.Analysis;

namespace JudgementMiner.Tests.Search;

public class SearchCliTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    [Fact]
    public async Task Json_output_carries_everything_needed_to_quote_each_hit()
    {
        var (exitCode, stdout, stderr) = await CliTests.RunCliAsync("search", "--dataset", sample.Directory, "--stance", "positive",
            "--from", "2010-01-01", "--to", "2030-12-31", "--format", "json", "-n", "5");
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stderr}");
        var hits = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        foreach (var hit in hits)
        {
            Assert.Equal("positive", hit.GetProperty("stance").GetString());
            foreach (var field in new[] { "text", "local_authority", "report_date", "section_heading", "page", "citation" })
                Assert.True(hit.TryGetProperty(field, out _), $"no {field}");
            Assert.Contains(hit.GetProperty("extract_id").GetString(), sample.Extracts.Select(e => e.ExtractId));
        }
        Assert.Contains("matching extracts", stderr);
    }

    [Fact]
    public async Task An_unknown_theme_is_a_usage_error_naming_it()
    {
        var (exitCode, _, stderr) = await CliTests.RunCliAsync("search", "--dataset", sample.Directory, "--theme", "scrutinee");
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown theme 'scrutinee'", stderr);
    }

    [Fact]
    public async Task A_folder_without_a_dataset_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        var (exitCode, _, stderr) = await CliTests.RunCliAsync("search", "--dataset", temp.Path, "-q", "board");
        Assert.Equal(2, exitCode);
        Assert.Contains("run 'judgementminer run' first", stderr);
        var (statsExit, _, statsError) = await CliTests.RunCliAsync("stats", "--dataset", temp.Path);
        Assert.Equal(2, statsExit);
        Assert.Contains("run 'judgementminer run' first", statsError);
    }
}
