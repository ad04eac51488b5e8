namespace JudgementMiner.Ingestion.Facts;

/// <summary>What kind of document Ofsted published (data contract version 2, <c>inspection_type</c>).</summary>
public enum InspectionType
{
    /// <summary>A full inspection report of any framework since 2012.</summary>
    Inspection,

    /// <summary>An ILACS focused visit letter: two days on one theme, no grades.</summary>
    FocusedVisit,

    /// <summary>A joint targeted area inspection letter (Ofsted, CQC, HMICFRS, HMI Probation), addressed to the partnership.</summary>
    Jtai,

    /// <summary>An area SEND inspection of a local area partnership (framework of 2023), with one of three outcomes.</summary>
    AreaSend,

    /// <summary>Anything else (a monitoring visit, a joint area review, not an Ofsted document): never read as one of the above.</summary>
    Other,
}

/// <summary>The outcome statement of an area SEND inspection (codebook section 4).</summary>
public enum SendOutcome
{
    Positive,
    Inconsistent,
    Systemic,
}

public static class InspectionTypeNames
{
    public static string Canonical(this InspectionType type) => type switch
    {
        InspectionType.Inspection => "inspection",
        InspectionType.FocusedVisit => "focused_visit",
        InspectionType.Jtai => "jtai",
        InspectionType.AreaSend => "area_send",
        _ => "other",
    };

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<InspectionType>().Select(t => t.Canonical()).ToList();

    public static bool IsLetter(this InspectionType type) => type is InspectionType.FocusedVisit or InspectionType.Jtai or InspectionType.AreaSend;

    public static string Canonical(this SendOutcome outcome) => outcome switch
    {
        SendOutcome.Positive => "positive",
        SendOutcome.Inconsistent => "inconsistent",
        _ => "systemic",
    };
}
