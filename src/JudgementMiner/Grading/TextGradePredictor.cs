using JudgementMiner.Output;

namespace JudgementMiner.Grading;

/// <summary>Fills the text-implied grade columns of the processed reports from their tagged leadership sentences.</summary>
public sealed class TextGradePredictor(TextGradeModelSet models)
{
    public void Apply(IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts)
    {
        var texts = ReportText.FromDataset(reports, extracts).ToDictionary(t => t.ReportId);
        foreach (var report in reports) Clear(report);
        // A report without a leadership section (or not processed) has nothing to read. The predictions run on all
        // cores: each of the six models loads on first use, and different reports' models load side by side.
        var predicted = reports
            .Where(r => r.Status == "ok" && texts.TryGetValue(r.ReportId, out var text) && text.Sentences > 0)
            .AsParallel()
            .Select(r => (Report: r, Prediction: models.Predict(texts[r.ReportId] with { FileSha256 = r.FileSha256 })))
            .ToList();
        foreach (var (report, (probabilities, heldOut)) in predicted)
        {
            report.PredictedGradeLeadership = GradeTextModel.MostLikely(probabilities);
            report.PGradeOutstanding = probabilities[0];
            report.PGradeGood = probabilities[1];
            report.PGradeRequiresImprovement = probabilities[2];
            report.PGradeInadequate = probabilities[3];
            report.PredictedGradeHeldOut = heldOut;
        }
    }

    /// <summary>Empties the text-implied grade columns of a report.</summary>
    public static void Clear(ReportRow report)
    {
        report.PredictedGradeLeadership = null;
        report.PGradeOutstanding = report.PGradeGood = report.PGradeRequiresImprovement = report.PGradeInadequate = null;
        report.PredictedGradeHeldOut = null;
    }
}
