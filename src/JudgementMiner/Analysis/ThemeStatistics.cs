using JudgementMiner.Output;

namespace JudgementMiner.Analysis;

/// <summary>Everything <c>judgementminer stats</c> reports about themes and grades, computed from one dataset.</summary>
public sealed record ThemeStatistics(
    int Reports,
    int LeadershipExtracts,
    IReadOnlyList<ThemeFrequencyRow> Frequencies,
    IReadOnlyList<NegativeShareByGrade> NegativeShares,
    IReadOnlyList<StanceIndependenceTest> IndependenceTests,
    IReadOnlyList<GradeDisagreement> GradeDisagreements)
{
    public static ThemeStatistics Compute(IReadOnlyList<ThemedExtract> extracts, IEnumerable<ReportRow>? reports = null, StanceGradeAssociation? association = null)
    {
        var (shares, tests) = (association ?? new StanceGradeAssociation()).Compute(extracts);
        return new ThemeStatistics(extracts.Select(e => e.ReportId).Distinct().Count(), extracts.Count, ThemeFrequency.Compute(extracts), shares, tests,
            reports is null ? [] : Analysis.GradeDisagreements.Rank(reports));
    }
}
