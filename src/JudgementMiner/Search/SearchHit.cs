using System.Globalization;

namespace JudgementMiner.Search;

/// <summary>One extract found by <see cref="ExtractSearcher"/>, with everything needed to quote it.</summary>
public sealed record SearchHit(
    int Rank,
    string ExtractId,
    string ReportId,
    string Text,
    string? LocalAuthority,
    string? Region,
    DateOnly? ReportDate,
    string Framework,
    string InspectionType,
    string Section,
    string? SectionHeading,
    string? SectionGrade,
    string? OverallGrade,
    string? LeadershipGrade,
    int Page,
    int? Paragraph,
    IReadOnlyList<string> Themes,
    string? Stance,
    float? StanceConfidence,
    float ThemeProbability,
    float? Relevance)
{
    /// <summary>"Dorset, Ofsted inspection report published 9 May 2025, page 7, paragraph 40" ("Ofsted focused visit letter", ...).</summary>
    public string Citation =>
        (LocalAuthority ?? "(council not named)") + ", " + DocumentName(InspectionType)
        + (ReportDate is { } date ? " published " + date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "")
        + ", page " + Page.ToString(CultureInfo.InvariantCulture)
        + (Paragraph is { } p ? ", paragraph " + p.ToString(CultureInfo.InvariantCulture) : "");

    private static string DocumentName(string inspectionType) => inspectionType switch
    {
        "focused_visit" => "Ofsted focused visit letter",
        "jtai" => "joint targeted area inspection letter (Ofsted, CQC, HMICFRS, HMI Probation)",
        "area_send" => "Ofsted and CQC area SEND inspection report",
        _ => "Ofsted inspection report",
    };
}
