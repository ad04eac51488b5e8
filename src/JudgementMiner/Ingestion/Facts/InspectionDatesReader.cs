using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads the inspection's first and last day from the front page's "Inspection date(s):" line (continued on the
/// next line when it does not end in a year). Two-period inspections span from the first to the last day.
/// Running footers that repeat the dates are never used: they are removed before this reader runs.
/// </summary>
public sealed partial class InspectionDatesReader
{
    public static InspectionDatesReader Instance { get; } = new();

    public (DateOnly Start, DateOnly End)? Read(FrontPage front)
    {
        var lines = front.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var label = Label().Match(lines[i].Text);
            if (!label.Success) continue;
            var text = lines[i].Text[(label.Index + label.Length)..];
            if (!EndsWithYear().IsMatch(text) && i + 1 < lines.Count) text += " " + lines[i + 1].Text;
            var range = DateText.ParseRange(text);
            if (range is not null) return range;
        }
        return null;
    }

    [GeneratedRegex(@"(inspection\s+dates?|dates?\s+of\s+(the\s+)?inspection)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"(19|20)\d\d\s*\.?$")]
    private static partial Regex EndsWithYear();
}
