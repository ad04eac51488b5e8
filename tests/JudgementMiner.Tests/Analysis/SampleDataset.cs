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
        var refresher = new DatasetRefresher(new DatasetStore(Directory), new PipelineBuilder().UseModels(models).Build());
        var plan = refresher.Plan(InputDiscovery.FindPdfs([Fixtures.SampleDirectory]), new RefreshOptions());
        refresher.RunAsync(plan, null, CancellationToken.None).GetAwaiter().GetResult();
        Reports = DatasetWriter.ReadReportsAsync(Directory).GetAwaiter().GetResult().ToList();
        Extracts = DatasetWriter.ReadExtractsAsync(Directory).GetAwaiter().GetResult().ToList();
    }

    public string Directory { get; }

    public IReadOnlyList<ReportRow> Reports { get; }

    public IReadOnlyList<ExtractRow> Extracts { get; }

    public void Dispose() => _temp.Dispose();
}
