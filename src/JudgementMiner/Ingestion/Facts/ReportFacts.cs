namespace JudgementMiner.Ingestion.Facts;

/// <summary>The inspection framework a report was written under.</summary>
public enum Framework
{
    Unknown,
    Pre2013,
    Sif,
    Ilacs,
    Ilacs2026,
}

/// <summary>The facts of one report: who, when, under which framework, and every judgement grade.</summary>
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
}

public static class FrameworkNames
{
    public static string Canonical(this Framework framework) => framework switch
    {
        Framework.Pre2013 => "pre2013",
        Framework.Sif => "sif",
        Framework.Ilacs => "ilacs",
        Framework.Ilacs2026 => "ilacs_2026",
        _ => "unknown",
    };

    public static Framework Parse(string? name) => name switch
    {
        "pre2013" => Framework.Pre2013,
        "sif" => Framework.Sif,
        "ilacs" => Framework.Ilacs,
        "ilacs_2026" => Framework.Ilacs2026,
        _ => Framework.Unknown,
    };
}
