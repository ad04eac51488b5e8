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
        Write(Directory, ThemeModelSource.FromDirectory(Path.Combine(Fixtures.RepoRoot, "models")));
        Dataset = Dataset.Open(Directory);
        Reports = Dataset.ReadReportsAsync().GetAwaiter().GetResult();
        Extracts = Dataset.ReadExtractsAsync().GetAwaiter().GetResult();
    }

    /// <summary>Runs the pipeline over data/sample into <paramref name="directory"/>, tagged with <paramref name="models"/> (null: untagged).</summary>
    public static void Write(string directory, ThemeModelSource? models)
    {
        var refresher = new DatasetRefresher(new DatasetStore(directory), new PipelineBuilder().UseModels(models).Build());
        var plan = refresher.Plan(InputDiscovery.FindPdfs([Fixtures.SampleDirectory]), new RefreshOptions());
        refresher.RunAsync(plan, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Directory { get; }

    /// <summary>The dataset as opened once, after the run.</summary>
    public Dataset Dataset { get; }

    public IReadOnlyList<ReportRow> Reports { get; }

    public IReadOnlyList<ExtractRow> Extracts { get; }

    public void Dispose() => _temp.Dispose();
}
