using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>A judgement grade, with the canonical names of the codebook.</summary>
public enum Grade
{
    Outstanding,
    Good,
    RequiresImprovement,
    Adequate,
    Inadequate,
}

/// <summary>The judgements of the data contract, one grade column each.</summary>
public enum Judgement
{
    OverallEffectiveness,
    Leadership,
    HelpAndProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Lscb,
}

public static partial class GradeNames
{
    public static string Canonical(this Grade grade) => grade switch
    {
        Grade.Outstanding => "outstanding",
        Grade.Good => "good",
        Grade.RequiresImprovement => "requires_improvement",
        Grade.Adequate => "adequate",
        Grade.Inadequate => "inadequate",
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    public static string Canonical(this Judgement judgement) => judgement switch
    {
        Judgement.OverallEffectiveness => "overall_effectiveness",
        Judgement.Leadership => "leadership",
        Judgement.HelpAndProtection => "help_and_protection",
        Judgement.ChildrenInCare => "children_in_care",
        Judgement.CareLeavers => "care_leavers",
        Judgement.Adoption => "adoption",
        Judgement.Lscb => "lscb",
        _ => throw new ArgumentOutOfRangeException(nameof(judgement)),
    };

    public static Grade? ParseCanonical(string? name) => name switch
    {
        "outstanding" => Grade.Outstanding,
        "good" => Grade.Good,
        "requires_improvement" => Grade.RequiresImprovement,
        "adequate" => Grade.Adequate,
        "inadequate" => Grade.Inadequate,
        _ => null,
    };

    /// <summary>Reads a grade as printed: "Good", "Requires improvement to be good", "requires improvement", "Inadequate".</summary>
    public static Grade? ParsePrinted(string text)
    {
        var match = PrintedGrade().Match(text.Trim());
        return match.Success ? FromWord(match.Value) : null;
    }

    /// <summary>Maps a matched grade phrase to its grade.</summary>
    public static Grade FromWord(string word)
    {
        var lower = word.Trim().TrimEnd('.', ',', ';', ':').ToLowerInvariant();
        if (lower.StartsWith("require")) return Grade.RequiresImprovement;
        return lower switch
        {
            "outstanding" => Grade.Outstanding,
            "good" => Grade.Good,
            "adequate" => Grade.Adequate,
            "inadequate" => Grade.Inadequate,
            _ => throw new ArgumentException($"not a grade: {word}", nameof(word)),
        };
    }

    /// <summary>A whole cell or phrase that is exactly one grade.</summary>
    [GeneratedRegex(@"^(outstanding|good|requires?\s+improvement(\s+to\s+be\s+good)?|inadequate|adequate)\.?$", RegexOptions.IgnoreCase)]
    public static partial Regex PrintedGrade();

    /// <summary>A grade phrase anywhere in running text (longest alternative first).</summary>
    [GeneratedRegex(@"\b(requires\s+improvement(\s+to\s+be\s+good)?|outstanding|inadequate|adequate|good)\b", RegexOptions.IgnoreCase)]
    public static partial Regex GradeInText();
}
