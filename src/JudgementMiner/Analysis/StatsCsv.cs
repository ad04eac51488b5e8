using System.Globalization;
using CsvHelper;

namespace JudgementMiner.Analysis;

/// <summary>Writes the statistics as CSV files (invariant culture, shares as fractions 0..1), one file per table.</summary>
public static class StatsCsv
{
    public const string FrequencyFile = "theme_frequency.csv";
    public const string NegativeShareFile = "negative_share_by_grade.csv";
    public const string IndependenceFile = "stance_grade_independence.csv";
    public const string DisagreementFile = "text_grade_disagreements.csv";

    public static IReadOnlyList<string> WriteAll(string folder, ThemeStatistics statistics)
    {
        Directory.CreateDirectory(folder);
        return
        [
            Write(Path.Combine(folder, FrequencyFile), statistics.Frequencies.Select(r => new
            {
                dimension = r.Dimension, group = r.Group, theme = r.Theme, reports = r.Reports, leadership_extracts = r.Extracts,
                theme_extracts = r.ThemeExtracts, share = Round(r.Share), positive = r.Positive, negative = r.Negative, mixed = r.Mixed,
                neutral = r.Neutral, negative_share = Round(r.NegativeShare),
            })),
            Write(Path.Combine(folder, NegativeShareFile), statistics.NegativeShares.Select(r => new
            {
                theme = r.Theme, grade_leadership = r.Grade, reports = r.Reports, theme_extracts = r.ThemeExtracts, negative = r.Negative,
                negative_share = Round(r.Share), ci95_low = Round(r.Low), ci95_high = Round(r.High),
            })),
            Write(Path.Combine(folder, IndependenceFile), statistics.IndependenceTests.Select(r => new
            {
                theme = r.Theme, reports = r.Reports, theme_extracts = r.ThemeExtracts, chi_square = Round(r.ChiSquare), df = r.DegreesOfFreedom,
                p_asymptotic = Round(r.AsymptoticP), p_permutation = Round(r.PermutationP), cramers_v = Round(r.CramersV),
            })),
            Write(Path.Combine(folder, DisagreementFile), statistics.GradeDisagreements.Select(r => new
            {
                report_id = r.ReportId, local_authority = r.LocalAuthority, publication_date = r.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                framework = r.Framework, grade_leadership = r.AwardedGrade, predicted_grade_leadership = r.PredictedGrade, gap = Round(r.Gap),
                p_grade_outstanding = Round(r.Probabilities[0]), p_grade_good = Round(r.Probabilities[1]),
                p_grade_requires_improvement = Round(r.Probabilities[2]), p_grade_inadequate = Round(r.Probabilities[3]), held_out = r.HeldOut,
            })),
        ];
    }

    private static double Round(double value) => Math.Round(value, 6);

    /// <summary>Writes under a temporary name and renames, so a reader never sees half a file.</summary>
    private static string Write<T>(string path, IEnumerable<T> rows)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            csv.WriteRecords(rows);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
