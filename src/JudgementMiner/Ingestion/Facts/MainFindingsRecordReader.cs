using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>A judgement of a report before 2013, named as its "Record of main findings" prints it.</summary>
public sealed record RecordedJudgement(string Name, Grade Grade);

/// <summary>
/// Reads the judgement table of reports before 2013: the "Record of main findings" near the end, whose rows print
/// the label, the grade word and the grade number ("Overall effectiveness Inadequate Grade 4"), labels sometimes
/// wrapped onto a second line ("Outcomes for looked after children and Inadequate Grade 4" / "young people").
/// </summary>
public sealed partial class MainFindingsRecordReader
{
    public static MainFindingsRecordReader Instance { get; } = new();

    /// <summary>How many lines after the heading the record's rows may run to.</summary>
    private const int RowsWindow = 40;

    public IReadOnlyList<RecordedJudgement> Read(ReportText text)
    {
        var lines = text.AllLines.ToList();
        var start = lines.FindIndex(l => l.Text.Trim().Equals("Record of main findings", StringComparison.OrdinalIgnoreCase));
        if (start < 0) return [];

        var found = new List<(string Label, Grade Grade)>();
        for (var i = start + 1; i < lines.Count && i <= start + RowsWindow; i++)
        {
            var row = Row().Match(lines[i].Text);
            if (row.Success)
            {
                found.Add((row.Groups["label"].Value, GradeNames.FromWord(row.Groups["g"].Value)));
            }
            else if (found.Count > 0 && lines[i].Text.Length > 0 && char.IsLower(lines[i].Text[0]))
            {
                // The second line of a wrapped row label.
                found[^1] = (found[^1].Label + " " + lines[i].Text, found[^1].Grade);
            }
        }
        return found.Select(f => new RecordedJudgement(SnakeCase(f.Label), f.Grade)).ToList();
    }

    public static string SnakeCase(string label) =>
        string.Join('_', JudgementLabels.Normalise(label).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));

    [GeneratedRegex(@"^(?<label>.+?)\s+(?<g>outstanding|good|adequate|inadequate)\s+grade\s+\d\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Row();
}
