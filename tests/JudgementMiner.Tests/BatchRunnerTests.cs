using JudgementMiner.Ingestion;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests;

public class BatchRunnerTests
{
    [Fact]
    public void InputDiscovery_finds_every_sample_once_in_ordinal_order()
    {
        var found = InputDiscovery.FindPdfs([Fixtures.SampleDirectory, Fixtures.SamplePdfs[0]]);
        Assert.Equal(Fixtures.SamplePdfs, found);
        Assert.Throws<FileNotFoundException>(() => InputDiscovery.FindPdfs(["/nonexistent/folder"]));
    }

    [Fact]
    public void One_result_per_sample_in_input_order_and_only_the_html_file_fails()
    {
        var files = InputDiscovery.FindPdfs([Fixtures.SampleDirectory]);
        var reports = new List<BatchProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var results = new BatchRunner(Fixtures.Pipeline).Run(files, new BatchOptions { MaxParallelism = 2 }, progress).Select(r => r.Report).ToList();

        Assert.Equal(files.Count, results.Count);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(files[i], results[i].SourcePath);
            var expected = files[i] == Fixtures.HtmlSample ? ReportStatus.Failed : ReportStatus.Ok;
            Assert.True(expected == results[i].ReportStatus, $"{files[i]}: {results[i].Status} {results[i].Error}");
        }
        Assert.Equal(files.Count, reports.Count);
        Assert.Equal(files.Count, reports.Max(r => r.Done));
        Assert.All(reports, r => Assert.Equal(files.Count, r.Total));
        Assert.Equal(1, reports.Max(r => r.Failed));
    }

    [Fact]
    public void The_batch_keeps_going_past_bad_files()
    {
        using var temp = new TempDirectory();
        var empty = temp.File("empty.pdf");
        File.WriteAllBytes(empty, []);
        var good = Fixtures.SmallestRealPdf;
        string[] files = [Fixtures.EncryptedPdf, empty, good, Fixtures.HtmlSample, temp.File("missing.pdf"), good];

        var results = new BatchRunner(Fixtures.Pipeline).Run(files, new BatchOptions { MaxParallelism = 2 }).Select(r => r.Report).ToList();

        Assert.Equal(files, results.Select(r => r.SourcePath));
        Assert.Equal(
            [ReportStatus.Failed, ReportStatus.Failed, ReportStatus.Ok, ReportStatus.Failed, ReportStatus.Failed, ReportStatus.Ok],
            results.Select(r => r.ReportStatus));
        Assert.Equal(results[2].FileSha256, results[5].FileSha256);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
    }

    [Fact]
    public void An_empty_batch_gives_no_results()
    {
        Assert.Empty(new BatchRunner(Fixtures.Pipeline).Run([], new BatchOptions()));
    }

    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BatchProgress value)
        {
            lock (_gate) report(value);
        }
    }
}
