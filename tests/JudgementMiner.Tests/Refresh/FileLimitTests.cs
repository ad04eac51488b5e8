using JudgementMiner.Ingestion;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Refresh;

/// <summary>The per-file limits on real reports: a file over its limit gets a failed row naming the limit; the others are untouched.</summary>
public class FileLimitTests
{
    private static IReadOnlyList<JudgementMiner.Output.ReportRow> Run(FileLimits limits) =>
        new BatchRunner(Fixtures.Pipeline).Run(Fixtures.SamplePdfs, new BatchOptions { Limits = limits }).Select(r => r.Report).ToList();

    [Fact]
    public void A_file_over_the_memory_limit_fails_with_memory_limit()
    {
        var results = Run(new FileLimits(TimeSpan.FromMinutes(5), 1 << 20)); // 1 MiB: every real report needs more
        foreach (var report in results.Where(r => r.SourcePath != Fixtures.HtmlSample))
        {
            Assert.Equal(ReportStatus.Failed, report.ReportStatus);
            Assert.StartsWith("memory_limit: ", report.Error);
        }
        Assert.StartsWith("not_a_pdf: ", results.Single(r => r.SourcePath == Fixtures.HtmlSample).Error);
    }

    [Fact]
    public void A_file_over_the_time_limit_fails_with_time_limit_and_the_batch_goes_on()
    {
        var results = Run(new FileLimits(TimeSpan.FromMilliseconds(1), long.MaxValue));
        Assert.Equal(Fixtures.SamplePdfs, results.Select(r => r.SourcePath));
        Assert.Contains(results, r => r.Error?.StartsWith("time_limit: ", StringComparison.Ordinal) == true);
        Assert.All(results.Where(r => r.ReportStatus == ReportStatus.Failed), r => Assert.Matches("^(time_limit|not_a_pdf): ", r.Error!));
    }

    [Fact]
    public void The_default_limits_leave_every_sample_report_alone()
    {
        var results = Run(FileLimits.Default);
        Assert.Equal(Fixtures.SamplePdfs.Where(p => p != Fixtures.HtmlSample), results.Where(r => r.IsOk).Select(r => r.SourcePath));
    }
}
