using System.Globalization;
using JudgementMiner.Models;

namespace JudgementMiner.Analysis;

/// <summary>
/// How often one theme appears in the leadership extracts of one group of reports (one grade, framework or year),
/// and with what stance. <see cref="Share"/> is the share of the group's leadership extracts tagged with the theme.
/// </summary>
public sealed record ThemeFrequencyRow(
    string Dimension,
    string Group,
    string Theme,
    int Reports,
    int Extracts,
    int ThemeExtracts,
    int Positive,
    int Negative,
    int Mixed,
    int Neutral)
{
    public double Share => Extracts == 0 ? 0 : (double)ThemeExtracts / Extracts;

    public double NegativeShare => ThemeExtracts == 0 ? 0 : (double)Negative / ThemeExtracts;

    public double PositiveShare => ThemeExtracts == 0 ? 0 : (double)Positive / ThemeExtracts;
}

/// <summary>Counts every theme by leadership grade, overall grade, framework and year.</summary>
public static class ThemeFrequency
{
    public const string ByLeadershipGrade = "leadership_grade";
    public const string ByOverallGrade = "overall_grade";
    public const string ByFramework = "framework";
    public const string ByYear = "year";
    public const string ByInspectionType = "inspection_type";

    public static readonly string[] Dimensions = [ByLeadershipGrade, ByOverallGrade, ByFramework, ByInspectionType, ByYear];

    public static IReadOnlyList<ThemeFrequencyRow> Compute(IReadOnlyList<ThemedExtract> extracts)
    {
        var rows = new List<ThemeFrequencyRow>();
        foreach (var dimension in Dimensions)
        {
            var groups = extracts.Where(e => GroupOf(e, dimension) is not null).GroupBy(e => GroupOf(e, dimension)!);
            foreach (var group in Order(groups, dimension))
            {
                var reports = group.Select(e => e.ReportId).Distinct().Count();
                foreach (var theme in Themes.All)
                {
                    var tagged = group.Where(e => e.Has(theme)).ToList();
                    rows.Add(new ThemeFrequencyRow(dimension, group.Key, theme, reports, group.Count(), tagged.Count,
                        tagged.Count(e => e.Stance == "positive"), tagged.Count(e => e.Stance == "negative"),
                        tagged.Count(e => e.Stance == "mixed"), tagged.Count(e => e.Stance == "neutral")));
                }
            }
        }
        return rows;
    }

    /// <summary>The group an extract falls in for a dimension, or null when its report lacks that fact.</summary>
    /// <remarks>Grades, framework and year group full inspections only: a letter (ungraded, and a focused visit is an
    /// ILACS document too) is counted under its kind, so the framework and year trends stay those of the inspections.</remarks>
    public static string? GroupOf(ThemedExtract extract, string dimension) => dimension != ByInspectionType && extract.InspectionType != "inspection" ? null : dimension switch
    {
        ByLeadershipGrade => extract.LeadershipGrade,
        ByOverallGrade => extract.OverallGrade,
        ByFramework => extract.Framework,
        ByInspectionType => extract.InspectionType,
        ByYear => extract.Year?.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static IEnumerable<IGrouping<string, ThemedExtract>> Order(IEnumerable<IGrouping<string, ThemedExtract>> groups, string dimension) =>
        dimension is ByLeadershipGrade or ByOverallGrade
            ? groups.OrderBy(g => GradeScale.Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            : groups.OrderBy(g => g.Key, StringComparer.Ordinal);
}
