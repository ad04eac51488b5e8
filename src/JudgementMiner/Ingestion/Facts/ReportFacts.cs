using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>The inspection framework a report was written under.</summary>
public enum Framework
{
    Unknown,
    Pre2013,
    Sif,
    Ilacs,
    Ilacs2026,

    /// <summary>A joint targeted area inspection (its own framework; letters only).</summary>
    Jtai,

    /// <summary>An area SEND inspection (its own framework).</summary>
    AreaSend,
}

/// <summary>
/// The facts of one document: who, when, under which framework, and every judgement grade. Letters (focused visits,
/// joint targeted area inspections, area SEND inspections) also carry their kind, focus, themes, priority actions,
/// outcome and inspectors; a full inspection keeps the defaults (<see cref="InspectionType.Inspection"/>, no letter facts).
/// </summary>
public sealed record ReportFacts(
    Framework Framework,
    string? LocalAuthority,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    DateOnly? PublicationDate,
    string? LeadInspector,
    IReadOnlyDictionary<Judgement, Grade> Grades,
    IReadOnlyList<string> OtherJudgements,
    IReadOnlyList<string> Warnings)
{
    public Grade? GradeOf(Judgement judgement) => Grades.TryGetValue(judgement, out var grade) ? grade : null;

    public InspectionType InspectionType { get; init; } = InspectionType.Inspection;

    /// <summary>The council or trust as the document's title names it (for a full inspection: the council as printed).</summary>
    public string? Provider { get; init; }

    /// <summary>The sentence saying what a visit or inspection looked at, as printed.</summary>
    public string? VisitFocus { get; init; }

    /// <summary>Codebook section 4 values the focus names (focused visits and joint inspections), sorted.</summary>
    public IReadOnlyList<string> VisitThemes { get; init; } = [];

    /// <summary>The number of areas for priority action (0 when the letter has none); null for a full inspection.</summary>
    public int? PriorityActions { get; init; }

    public SendOutcome? SendOutcome { get; init; }

    /// <summary>Every inspector the document names, in printed order.</summary>
    public IReadOnlyList<string> Inspectors { get; init; } = [];

    /// <summary>A letter's title paragraph (its last, when it wraps) in <see cref="ReportText.Paragraphs"/>: where its front matter ends.</summary>
    public int? TitleParagraph { get; init; }

    /// <summary>Why a document of a known kind is not read (a monitoring visit letter), or null.</summary>
    public string? NotReadBecause { get; init; }

    /// <summary>True when the NLP stage and the models read this document.</summary>
    public bool IsReadable => NotReadBecause is null && (InspectionType.IsLetter() || (InspectionType == InspectionType.Inspection && Framework != Framework.Unknown));
}

public static class FrameworkNames
{
    public static string Canonical(this Framework framework) => framework switch
    {
        Framework.Pre2013 => "pre2013",
        Framework.Sif => "sif",
        Framework.Ilacs => "ilacs",
        Framework.Ilacs2026 => "ilacs_2026",
        Framework.Jtai => "jtai",
        Framework.AreaSend => "area_send",
        _ => "unknown",
    };

    public static Framework Parse(string? name) => name switch
    {
        "pre2013" => Framework.Pre2013,
        "sif" => Framework.Sif,
        "ilacs" => Framework.Ilacs,
        "ilacs_2026" => Framework.Ilacs2026,
        "jtai" => Framework.Jtai,
        "area_send" => Framework.AreaSend,
        _ => Framework.Unknown,
    };
}
