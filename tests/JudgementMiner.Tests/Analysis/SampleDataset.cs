using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Analysis;

/// <summary>The dataset of the real sample reports, written once with the shipped models, for the tests that read a dataset.</summary>
public sealed class SampleDataset : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SampleDataset()
    {
        Directory = Path.Combine(_temp.Path, "dataset");
        var models = ThemeModelSource.FromDirectory(Path.Combine(Fixtures.RepoRoot, "models"));
        var refresher = new DatasetRefresher(new DatasetStore(Directory), models, ReportProcessor.Default, new BatchRunner(ReportIngestor.Instance));
        var options = new RefreshOptions();
        var plan = refresher.Plan(InputDiscovery.FindPdfs([Fixtures.SampleDirectory]), options);
        refresher.RunAsync(plan, options, null, CancellationToken.None).GetAwaiter().GetResult();
        Dataset = Dataset.Open(Directory);
        Reports = Dataset.ReadReportsAsync().GetAwaiter().GetResult();
        Extracts = Dataset.ReadExtractsAsync().GetAwaiter().GetResult();
    }

    public string Directory { get; }

    /// <summary>The dataset as opened once, after the run.</summary>
    public Dataset Dataset { get; }

    public IReadOnlyList<ReportRow> Reports { get; }

    public IReadOnlyList<ExtractRow> Extracts { get; }

    public void Dispose() => _temp.Dispose();
}
