namespace JudgementMiner.Grading;

/// <summary>
/// Stage 5, report-level prediction: reads a report's tagged leadership section and predicts something of the whole
/// report. Implementations are shared across threads. Default: <see cref="TextGradePredictor"/> (the text-implied
/// leadership grade).
/// </summary>
public interface IReportPredictor
{
    /// <summary>Names the predictor's models: part of the dataset's model version.</summary>
    string Version { get; }

    /// <summary>The prediction, or null when the report has nothing to read (no leadership section).</summary>
    ReportPrediction? Predict(ReportIdentity report, IReadOnlyList<StancedSentence> leadershipSection);
}

/// <summary>The text-implied leadership grade of one report.</summary>
/// <param name="Probabilities">outstanding, good, requires improvement, inadequate.</param>
/// <param name="HeldOut">The report was in the models' training corpus and was predicted by the fold model that held its council out.</param>
public sealed record ReportPrediction(string Grade, IReadOnlyList<float> Probabilities, bool HeldOut);
