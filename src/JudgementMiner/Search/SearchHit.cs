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
    /// <summary>"Council, children's services inspection report published 9 May 2025, page 7, paragraph 12".</summary>
    public string Citation =>
        $"{LocalAuthority ?? "(council not named)"}, Ofsted inspection report" +
        (ReportDate is { } date ? $" published {date:d MMMM yyyy}" : "") +
        $", page {Page}" + (Paragraph is { } p ? $", paragraph {p}" : "");
}
