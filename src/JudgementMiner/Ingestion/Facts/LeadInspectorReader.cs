using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads the lead inspector's name: "Lead inspector: Nick Stacey" on an ILACS front page, the same line in a SIF
/// report's "Inspection team" section, or "Reporting inspector Sarah Urding HMI" before 2013. Titles are dropped.
/// </summary>
public sealed partial class LeadInspectorReader
{
    public static LeadInspectorReader Instance { get; } = new();

    public string? Read(ReportText text)
    {
        var lines = text.AllLines.ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var match = Label().Match(lines[i].Text);
            if (!match.Success) continue;
            var name = Clean(lines[i].Text[(match.Index + match.Length)..]);
            if (name.Length == 0 && i + 1 < lines.Count) name = Clean(lines[i + 1].Text);
            if (name.Length > 0) return name;
        }
        return null;
    }

    private static string Clean(string text)
    {
        var name = Title().Replace(text, "");
        var comma = name.IndexOf(',');
        if (comma >= 0) name = name[..comma];
        return name.Trim().TrimEnd('.', ',', ';').Trim();
    }

    [GeneratedRegex(@"^\s*(lead\s+inspector(\s+on\s+site)?|reporting\s+inspector)\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s*(,?\s*(her|his)\s+majesty['’]s\s+inspector.*|,?\s*(senior\s+)?\bHMI\b.*|\(HMI\).*|,?\s*Ofsted\s+inspector.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
