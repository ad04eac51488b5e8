using JudgementMiner.Grading;
using JudgementMiner.Output;

namespace JudgementMiner.Analysis;

/// <summary>
/// A report whose leadership-section text implies a different grade from the one awarded. <see cref="Gap"/> is the
/// text's expected grade (under the model's probabilities, 0 = outstanding ... 3 = inadequate) minus the awarded
/// grade: negative when the text reads better than the grade, positive when it reads worse.
/// </summary>
public sealed record GradeDisagreement(
    string ReportId,
    string? LocalAuthority,
    DateOnly? ReportDate,
    string Framework,
    string AwardedGrade,
    string PredictedGrade,
    float[] Probabilities,
    bool HeldOut,
    double Gap);

public static class GradeDisagreements
{
    /// <summary>Every report with an awarded leadership grade of the four-point scale and a text-implied grade, largest gap first.</summary>
    public static IReadOnlyList<GradeDisagreement> Rank(IEnumerable<ReportRow> reports) =>
        reports.Where(r => r.IsOk && GradeTextModel.IsGrade(r.GradeLeadership) && r.PredictedGradeLeadership is not null)
            .GroupBy(r => r.ReportId).Select(g => g.First())
            .Select(r =>
            {
                float[] p = [r.PGradeOutstanding ?? 0, r.PGradeGood ?? 0, r.PGradeRequiresImprovement ?? 0, r.PGradeInadequate ?? 0];
                var expected = p.Select((v, i) => v * i).Sum();
                return new GradeDisagreement(r.ReportId, r.LocalAuthority, r.PublicationDate, r.Framework, r.GradeLeadership!, r.PredictedGradeLeadership!, p,
                    r.PredictedGradeHeldOut ?? false, expected - Array.IndexOf(GradeTextModel.Grades, r.GradeLeadership));
            })
            .OrderByDescending(d => Math.Abs(d.Gap)).ThenBy(d => d.ReportId, StringComparer.Ordinal)
            .ToList();
}
