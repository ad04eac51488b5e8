namespace JudgementMiner.Grading;

/// <summary>The text-implied leadership grade (<see cref="TextGradeModelSet"/>) as the pipeline's report predictor.</summary>
public sealed class TextGradePredictor(TextGradeModelSet models) : IReportPredictor
{
    public string Version => models.Version;

    public ReportPrediction? Predict(ReportIdentity report, IReadOnlyList<StancedSentence> leadershipSection)
    {
        if (leadershipSection.Count == 0) return null;
        var text = LeadershipText.Of(report, leadershipSection);
        if (text.Sentences == 0) return null;
        var (probabilities, heldOut) = models.Predict(text);
        return new ReportPrediction(GradeTextModel.MostLikely(probabilities), probabilities, heldOut);
    }
}
