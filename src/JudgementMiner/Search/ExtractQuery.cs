namespace JudgementMiner.Search;

/// <summary>Which grade a <c>--grade</c> filter is checked against.</summary>
public enum GradeScope
{
    /// <summary>The grade printed for the extract's own section (extracts of ungraded sections never match).</summary>
    Section,
    /// <summary>The report's overall effectiveness grade.</summary>
    Overall,
    /// <summary>The report's leadership grade.</summary>
    Leadership,
    /// <summary>
    /// The overall effectiveness of the council's latest full inspection published on or before the document (for a
    /// letter: the grade the council had when it was visited; for a full inspection: its own).
    /// </summary>
    LastInspection,
}

/// <summary>
/// What to look for. Every filter that is set must hold (within one filter, any of the listed values may match);
/// an empty filter is no constraint. <see cref="Text"/> is a free-text query in Lucene's syntax (words, "phrases",
/// AND/OR/NOT); without it, hits are ranked by the model's probability of the requested themes.
/// </summary>
public sealed record ExtractQuery
{
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Grades { get; init; } = [];
    public GradeScope GradeScope { get; init; } = GradeScope.Section;
    public IReadOnlyList<string> Stances { get; init; } = [];
    public IReadOnlyList<string> Frameworks { get; init; } = [];
    /// <summary>Document kinds: inspection, focused_visit, jtai, area_send.</summary>
    public IReadOnlyList<string> InspectionTypes { get; init; } = [];
    public IReadOnlyList<string> LocalAuthorities { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool LeadershipOnly { get; init; }
    public string? Text { get; init; }
    public int Limit { get; init; } = 10;
}
