namespace JudgementMiner.Ingestion.Facts;

/// <summary>Maps a judgement's printed name (a table row label or a section heading) to the judgement it names.</summary>
public static class JudgementLabels
{
    public static Judgement? Match(string label)
    {
        var text = Normalise(label);
        if (text.Contains("overall")) return Judgement.OverallEffectiveness;
        if (text.Contains("safeguarding children board") || text.Contains("lscb")) return Judgement.Lscb;
        if (text.Contains("leaders") || text.Contains("leadership")) return Judgement.Leadership;
        if (text.Contains("help and protection")) return Judgement.HelpAndProtection;
        if (text.Contains("adoption")) return Judgement.Adoption;
        var inCare = text.Contains("children in care") || text.Contains("looked after");
        // "children in care and care leavers" is one combined judgement in early ILACS reports.
        if (inCare) return Judgement.ChildrenInCare;
        if (text.Contains("care leavers") || text.Contains("leaving care")) return Judgement.CareLeavers;
        return null;
    }

    public static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('’', '\'').Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
