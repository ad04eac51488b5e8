using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>A grade a section heading repeats, with the heading as printed.</summary>
public sealed record HeadingGrade(Judgement? Judgement, Grade Grade, string Heading);

/// <summary>
/// Reads the grades that body section headings repeat: "The impact of leaders on social work practice with children
/// and families: good" (ILACS), and a heading followed by "Grade 4 (Inadequate)" (reports before 2013). These are
/// the cross-check for the judgement table.
/// </summary>
public sealed partial class SectionHeadingGradeReader
{
    public static SectionHeadingGradeReader Instance { get; } = new();

    public IReadOnlyList<HeadingGrade> Read(ReportText text)
    {
        var found = new List<HeadingGrade>();
        var paragraphs = text.Paragraphs;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.Kind != ParagraphKind.Heading || paragraph.FirstPage <= 1) continue;
            var colon = HeadingWithGrade().Match(paragraph.Text);
            if (colon.Success)
            {
                found.Add(new HeadingGrade(JudgementLabels.Match(colon.Groups["label"].Value), GradeNames.FromWord(colon.Groups["g"].Value), paragraph.Text));
                continue;
            }
            var numbered = i + 1 < paragraphs.Count ? NumberedGrade().Match(paragraphs[i + 1].Text) : Match.Empty;
            if (numbered.Success)
                found.Add(new HeadingGrade(JudgementLabels.Match(paragraph.Text), GradeNames.FromWord(numbered.Groups["g"].Value), paragraph.Text));
        }
        return found;
    }

    [GeneratedRegex(@"^(?<label>.{10,200}?)(?:\s+(?:is|are))?:\s*(?<g>requires\s+improvement(\s+to\s+be\s+good)?|outstanding|inadequate|adequate|good)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingWithGrade();

    [GeneratedRegex(@"^grade\s+\d\s*\((?<g>outstanding|good|adequate|inadequate)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedGrade();
}
