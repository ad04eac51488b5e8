using System.Text.Json;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;
using JudgementMiner.Tests.Analysis;

namespace JudgementMiner.Tests.Refresh;

/// <summary>
/// The synthetic dataset the benchmark measures refreshes on: a run over its links folder must find every file
/// unchanged, and after one PDF is added, read exactly that file and carry every other row as it was.
/// </summary>
public class SyntheticDatasetTests
{
    [Fact]
    public async Task A_run_over_the_links_carries_every_synthetic_report_and_reads_only_the_added_file()
    {
        using var temp = new TempDirectory();
        var source = Path.Combine(temp.Path, "sample");
        SampleDataset.Write(source, null);
        var sourceExtracts = (await (await Dataset.OpenAsync(source)).ReadExtractsAsync()).Count;
        var wanted = sourceExtracts * 5 / 2;
        // Small row groups, so the refresh below both copies whole groups and slices the one the added report splits.
        var options = new DatasetWriterOptions { ExtractRowGroupSize = 300 };

        var made = await SyntheticDataset.MakeAsync(source, Path.Combine(temp.Path, "links"), Path.Combine(temp.Path, "synthetic"), wanted, options);

        Assert.Equal(3, made.Copies);
        Assert.InRange(made.ExtractRows, wanted, wanted + sourceExtracts / 2);
        var before = await Dataset.OpenAsync(made.Output);
        var beforeReports = await before.ReadReportsAsync();
        var beforeExtracts = await before.ReadExtractsAsync();
        Assert.Equal(made.Reports, beforeReports.Select(r => r.ReportId).Distinct().Count()); // every copy has its own id
        Assert.Equal(beforeExtracts.Count, beforeExtracts.Select(e => e.ExtractId).Distinct().Count());
        Assert.All(beforeReports, r => Assert.StartsWith(made.Inputs + "/copy-", r.SourcePath));

        var pipeline = new PipelineBuilder().Build();
        var refresher = new DatasetRefresher(new DatasetStore(made.Output), pipeline);
        var unchanged = refresher.Plan(InputDiscovery.FindPdfs([made.Inputs]), new RefreshOptions());
        Assert.True(unchanged.IsUpToDate, unchanged.Why);

        var added = Path.Combine(made.Inputs, "copy-0001", "added", "added.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.Copy(Fixtures.SamplePdfs.First(p => p != Fixtures.HtmlSample), added);
        var plan = refresher.Plan(InputDiscovery.FindPdfs([made.Inputs]), new RefreshOptions());
        Assert.Equal(1, plan.Count(FileAction.New));
        Assert.Equal(made.Reports, plan.Count(FileAction.Unchanged));

        var outcome = await refresher.RunAsync(plan, null, CancellationToken.None);

        Assert.Single(outcome.ReadNow);
        var after = await Dataset.OpenAsync(made.Output);
        var afterReports = await after.ReadReportsAsync();
        var afterExtracts = await after.ReadExtractsAsync();
        var addedReport = Assert.Single(afterReports, r => r.SourcePath == added);
        Assert.Equal(beforeReports.Select(Json), afterReports.Where(r => r != addedReport).Select(Json));
        Assert.Equal(beforeExtracts.Select(Json), afterExtracts.Where(e => e.ReportId != addedReport.ReportId).Select(Json));
        Assert.Equal(addedReport.SentenceCount, afterExtracts.Count(e => e.ReportId == addedReport.ReportId));
        Assert.Equal(afterExtracts.Count(e => e.IsLeadershipExtract), outcome.Extracts.LeadershipExtracts);
    }

    private static string Json<T>(T row) => JsonSerializer.Serialize(row);
}
