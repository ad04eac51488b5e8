using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads the judgements that SIF reports state in a sentence rather than a table cell: the overall judgement above
/// the front-page table ("The overall judgement is good.", "Children's services in Bristol require improvement to be
/// good"), and the LSCB review's grade, on the front page ("The effectiveness of the Local Safeguarding Children Board
/// (LSCB) is good.") or in the LSCB section's heading ("The Local Safeguarding Children Board requires improvement").
/// </summary>
public sealed partial class ProseGradeReader
{
    public static ProseGradeReader Instance { get; } = new();

    public IReadOnlyDictionary<Judgement, Grade> Read(FrontPage front, ReportText text)
    {
        var grades = new Dictionary<Judgement, Grade>();
        var frontText = JudgementLabels.Normalise(front.FirstPageText);
        var overall = Overall().Match(frontText);
        if (overall.Success) grades[Judgement.OverallEffectiveness] = GradeNames.FromWord(overall.Groups["g"].Value);

        var lscb = FrontPageLscb().Match(frontText);
        if (lscb.Success)
        {
            grades[Judgement.Lscb] = GradeNames.FromWord(lscb.Groups["g"].Value);
            return grades;
        }
        foreach (var paragraph in text.Paragraphs)
        {
            if (paragraph.Text.Length > 120) continue;
            var heading = LscbHeading().Match(JudgementLabels.Normalise(paragraph.Text));
            if (!heading.Success) continue;
            grades[Judgement.Lscb] = GradeNames.FromWord(heading.Groups["g"].Value);
            break;
        }
        return grades;
    }

    private const string GradePhrase = @"(?<g>requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good)\b";

    [GeneratedRegex(@"(?:the overall judgement is:? (?:that )?(?:children's services? )?(?:are |is |)|children's services? (?:in [a-z ,&'.-]{2,80}? )?(?:are |is |))" + GradePhrase)]
    private static partial Regex Overall();

    [GeneratedRegex(@"effectiveness of the local safeguarding children board(?: \(lscb\))?(?: is)?:? " + GradePhrase)]
    private static partial Regex FrontPageLscb();

    [GeneratedRegex(@"^(?:the )?(?:local safeguarding children board|lscb)(?: is| are)?:? " + GradePhrase + @"(?:\.|$| because)")]
    private static partial Regex LscbHeading();
}
