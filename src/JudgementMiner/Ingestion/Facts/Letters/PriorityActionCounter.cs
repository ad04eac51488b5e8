using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>
/// Counts the items listed under a letter's "Areas for priority action" heading (codebook section 4): the bullets or
/// numbered paragraphs under it (sub-headings such as "Leadership" skipped), one for a prose action with no list, and,
/// in an area SEND report, the rows of its "Responsible body | Areas for priority action" table. 0 when the letter has
/// no such heading or says "there are no areas for priority action".
/// </summary>
public sealed partial class PriorityActionCounter
{
    public static PriorityActionCounter Instance { get; } = new();

    /// <summary>A sub-heading inside the list ("Leadership") is at most this many words.</summary>
    private const int MaxSubHeadingWords = 6;

    /// <summary>A table row ends where the space between two lines is this much wider than the table's usual line spacing.</summary>
    private const double RowGapFactor = 1.1;

    public int Count(ReportText text)
    {
        if (CountTableRows(text) is { } rows) return rows;
        var paragraphs = text.Paragraphs;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (!Heading().IsMatch(LetterTitleReader.Normalise(paragraphs[i].Text))) continue;
            var items = 0;
            var prose = 0;
            for (var j = i + 1; j < paragraphs.Count; j++)
            {
                var paragraph = paragraphs[j];
                var normalised = LetterTitleReader.Normalise(paragraph.Text);
                if (NoneListed().IsMatch(normalised)) return 0;
                if (paragraph.Kind is ParagraphKind.Bullet or ParagraphKind.Numbered) { items++; continue; }
                if (EndsList().IsMatch(normalised)) break;
                if (paragraph.Kind == ParagraphKind.Heading && normalised.Split(' ').Length <= MaxSubHeadingWords) continue;
                if (items > 0 || paragraph.Kind == ParagraphKind.Heading) break;
                prose++;
                if (prose > 3) break;
            }
            return items > 0 ? items : prose > 0 ? 1 : 0;
        }
        return 0;
    }

    /// <summary>
    /// The rows of a "Responsible body | Areas for priority action" table (area SEND reports), which may run on over
    /// the next pages. A row starts where the left column (the responsible body) starts again: after lines that only
    /// the right column fills, or after a wider space than the table's usual line spacing. Null when there is no such table.
    /// </summary>
    private static int? CountTableRows(ReportText text)
    {
        var body = new List<TextLine>();
        var inTable = false;
        foreach (var page in text.Pages)
        {
            foreach (var line in page.Lines)
            {
                var normalised = LetterTitleReader.Normalise(line.Text);
                if (TableHeader().IsMatch(normalised)) { inTable = true; continue; }
                if (!inTable) continue;
                if (line.IsBold || EndsList().IsMatch(normalised)) return body.Count == 0 ? null : Rows(body);
                body.Add(line);
            }
        }
        return inTable && body.Count > 0 ? Rows(body) : null;
    }

    private static int Rows(List<TextLine> body)
    {
        var left = body.Min(l => l.Left);
        var gaps = new List<double>();
        for (var i = 1; i < body.Count; i++)
            if (body[i].Page == body[i - 1].Page) gaps.Add(body[i - 1].Baseline - body[i].Baseline);
        var usual = gaps.Count == 0 ? 0 : gaps.Order().ElementAt(gaps.Count / 2);
        var firstBody = LeftCell(body[0], left);
        var rows = 1;
        for (var i = 1; i < body.Count; i++)
        {
            if (LeftCell(body[i], left) is not { } cell) continue;
            // The same responsible body printed again, or a wider space before the line: a new row.
            var repeated = cell == firstBody;
            var wideGap = body[i].Page == body[i - 1].Page && body[i - 1].Baseline - body[i].Baseline > usual * RowGapFactor;
            if (repeated || wideGap) rows++;
        }
        return rows;
    }

    /// <summary>
    /// The first words of a line that starts in the left column (the start of the responsible body's name; the two
    /// columns are not always printed far enough apart to be told apart as segments), or null for a right-column line.
    /// </summary>
    private static string? LeftCell(TextLine line, double left) =>
        AtLeft(line, left) ? string.Join(' ', line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(BodyNameWords)) : null;

    /// <summary>How many first words of a row's first line name its responsible body.</summary>
    private const int BodyNameWords = 2;

    /// <summary>True when a line starts in the table's left column.</summary>
    private static bool AtLeft(TextLine line, double left) => line.Left < left + LeftColumnTolerance;

    /// <summary>How far (points) a line may start right of the table's left edge and still be in its left column.</summary>
    private const double LeftColumnTolerance = 20;

    [GeneratedRegex(@"^(areas? for priority actions?|priority actions?|areas? for priority and immediate action)\s*:?$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(there (are|were) no (areas? (for|of) )?priority actions?|none\.?$|no areas? for priority action)")]
    private static partial Regex NoneListed();

    [GeneratedRegex(@"^responsible body areas? for priority actions?$")]
    private static partial Regex TableHeader();

    /// <summary>A heading that ends the list even when it is printed as body text.</summary>
    [GeneratedRegex(@"^(areas? for improvement|what needs to improve|main findings|findings|local area partnership details|yours sincerely|next steps|case study)\b")]
    private static partial Regex EndsList();
}
