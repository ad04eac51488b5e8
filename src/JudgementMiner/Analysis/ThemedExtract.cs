using JudgementMiner.Output;

namespace JudgementMiner.Analysis;

/// <summary>
/// One tagged leadership extract with the facts of its report that the analysis groups by. Built from the two
/// Parquet files, so the statistics read exactly what a researcher opening the dataset would read.
/// </summary>
public sealed record ThemedExtract(
    string ReportId,
    string? LocalAuthority,
    string Framework,
    string InspectionType,
    int? Year,
    string? LeadershipGrade,
    string? OverallGrade,
    IReadOnlyList<string> Themes,
    string Stance)
{
    public bool Has(string theme) => Themes.Contains(theme);
}

/// <summary>Selects the tagged leadership extracts of the processed reports and joins each to its report.</summary>
public static class ThemedExtracts
{
    /// <summary>
    /// The leadership extracts of reports with status <c>ok</c>. The year is the year the inspection ended (the
    /// publication year where the report prints no inspection dates).
    /// </summary>
    /// <exception cref="InvalidDataException">The dataset was written without theme models (<c>run --no-tagging</c>).</exception>
    public static IReadOnlyList<ThemedExtract> FromDataset(IEnumerable<ReportRow> reports, IEnumerable<ExtractRow> extracts)
    {
        // One file copied into two folders gives two rows with one id (and one set of extracts): count it once.
        var okReports = reports.Where(r => r.IsOk).GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.First());
        var selected = new List<ThemedExtract>();
        foreach (var extract in extracts)
        {
            if (!extract.IsLeadershipExtract || !okReports.TryGetValue(extract.ReportId, out var report)) continue;
            // Every tagged extract has a stance; an empty theme list may come back from Parquet as null.
            if (extract.Stance is null)
                throw new InvalidDataException(
                    $"extract {extract.ExtractId} has no stance: the dataset was written without theme models (run it again without --no-tagging)");
            selected.Add(new ThemedExtract(report.ReportId, report.LocalAuthority, report.Framework, report.InspectionType ?? "inspection", YearOf(report),
                report.GradeLeadership, report.GradeOverallEffectiveness, extract.Themes ?? [], extract.Stance));
        }
        return selected;
    }

    public static int? YearOf(ReportRow report) => (report.InspectionEnd ?? report.PublicationDate)?.Year;
}
