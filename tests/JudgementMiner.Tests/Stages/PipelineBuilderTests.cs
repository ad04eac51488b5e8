using JudgementMiner.Grading;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Stages;

/// <summary>The composition root: stages can be swapped, and a swapped stage is the one that runs.</summary>
public class PipelineBuilderTests
{
    [Fact]
    public async Task The_whole_pipeline_runs_with_the_keyword_baseline_as_its_tagger()
    {
        using var temp = new TempDirectory();
        var pipeline = new PipelineBuilder().UseTagger(new KeywordTagger()).Build();
        var refresher = new DatasetRefresher(new DatasetStore(temp.Path), pipeline);
        var plan = refresher.Plan(Fixtures.SamplePdfs, new RefreshOptions());

        var outcome = await refresher.RunAsync(plan, null, CancellationToken.None);

        var extracts = await (await Dataset.OpenAsync(temp.Path)).ReadExtractsAsync();
        Assert.Equal(outcome.ExtractRows, extracts.Count);
        Assert.True(extracts.Count > 1000);
        Assert.All(extracts, e => Assert.Equal("keyword-baseline-1", e.ModelVersion));
        // Every row carries exactly the baseline's reading of its own text.
        Assert.All(extracts, e =>
        {
            // An empty theme list reads back from Parquet as null (Parquet.Net); both mean "no theme" here.
            Assert.Equal(Themes.All.Where(KeywordBaseline.Themes(e.Text).Contains), e.Themes ?? []);
            Assert.Equal(KeywordBaseline.Stance(e.Text), e.Stance);
        });
        Assert.Equal("keyword-baseline-1", outcome.Reports.First(r => r.IsOk).ModelVersion);
        Assert.All(outcome.Reports, r => Assert.Null(r.PredictedGradeLeadership)); // no predictor was given
    }

    [Fact]
    public void A_report_predictor_reads_the_leadership_section_with_the_taggers_stances()
    {
        var predictor = new RecordingPredictor();
        var pipeline = new PipelineBuilder().UseTagger(new KeywordTagger()).UseReportPredictor(predictor).Build();
        var path = Fixtures.SamplePdfs.First(p => p != Fixtures.HtmlSample);

        var rows = pipeline.Read(path, FileBudget.Unlimited, CancellationToken.None);

        var leadership = rows.Extracts.Where(e => e.Section == "leadership").ToList();
        Assert.NotEmpty(leadership);
        Assert.Equal(leadership.Select(e => (e.Text, e.Stance)), predictor.Seen.Select(s => (s.Text, s.Stance)));
        Assert.Equal("good", rows.Report.PredictedGradeLeadership);
        Assert.Equal(0.7f, rows.Report.PGradeGood);
        Assert.Equal("keyword-baseline-1+recording-1", pipeline.ModelVersion);
    }

    [Fact]
    public void A_swapped_text_extractor_is_the_one_that_reads_and_its_failure_is_a_row()
    {
        var pipeline = new PipelineBuilder().UseTextExtractor(new RefusingExtractor()).Build();

        var rows = pipeline.Read(Fixtures.SmallestRealPdf, FileBudget.Unlimited, CancellationToken.None);

        Assert.Equal(ReportStatus.Failed, rows.Report.ReportStatus);
        Assert.Equal(IngestionFailure.NoTextLayer, rows.Report.Failure);
        Assert.Equal("no_text_layer: refused by the test extractor", rows.Report.Error);
        Assert.Empty(rows.Extracts);
    }

    [Fact]
    public void Without_a_tagger_no_predictor_runs_and_the_rows_are_untagged()
    {
        var pipeline = new PipelineBuilder().UseReportPredictor(new RecordingPredictor()).Build();
        var rows = pipeline.Read(Fixtures.SmallestRealPdf, FileBudget.Unlimited, CancellationToken.None);
        Assert.NotEmpty(rows.Extracts);
        Assert.All(rows.Extracts, e => Assert.Null(e.Themes));
        Assert.Null(rows.Report.PredictedGradeLeadership);
        Assert.Null(pipeline.ModelVersion);
    }

    private sealed class RecordingPredictor : IReportPredictor
    {
        public List<StancedSentence> Seen { get; } = [];

        public string Version => "recording-1";

        public ReportPrediction? Predict(ReportIdentity report, IReadOnlyList<StancedSentence> leadershipSection)
        {
            lock (Seen) Seen.AddRange(leadershipSection);
            return new ReportPrediction("good", [0.1f, 0.7f, 0.15f, 0.05f], HeldOut: false);
        }
    }

    private sealed class RefusingExtractor : ITextExtractor
    {
        public JudgementMiner.Ingestion.Text.ReportText Extract(string path, byte[] bytes, FileBudget budget, CancellationToken cancellationToken) =>
            throw new IngestionException(path, IngestionFailure.NoTextLayer, "refused by the test extractor");
    }
}
