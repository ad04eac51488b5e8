using System.Text;
using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Rebuilds paragraphs from printed lines: a paragraph ends at a wide vertical gap, a change of font size or weight,
/// a numbered paragraph or bullet start, or a page break after a finished sentence. Words broken across lines by a
/// hyphen are re-joined by <see cref="Dehyphenator"/>.
/// </summary>
public sealed partial class ParagraphBuilder
{
    public static ParagraphBuilder Instance { get; } = new();

    /// <summary>A vertical gap wider than this many font sizes between two lines ends a paragraph.</summary>
    private const double ParagraphGapInFontSizes = 1.75;

    public IReadOnlyList<Paragraph> Build(IReadOnlyList<ReportPage> pages)
    {
        var lines = pages.SelectMany(p => p.Lines).ToList();
        var dehyphenator = new Dehyphenator(BuildVocabulary(lines));
        var bodySize = BodyFontSize.Of(lines);

        var paragraphs = new List<Paragraph>();
        ParagraphDraft? draft = null;
        TextLine? previous = null;
        int? lastNumber = null;
        foreach (var line in lines)
        {
            var start = Classify(line, bodySize);
            if (start.Kind == ParagraphKind.Numbered && draft is not null && !IsNextNumber(start.Number, lastNumber)
                && draft.Kind != ParagraphKind.Heading && !EndsSentence(draft.Text))
            {
                // "... pupils in Years 10 and" / "11. These meetings": a number that ends a wrapped line is not a
                // paragraph number when it breaks the numbering and the sentence before it is unfinished.
                start = new LineStart(ParagraphKind.Body, null, line.Text);
            }
            if (start.Kind == ParagraphKind.Numbered) lastNumber = int.Parse(start.Number!);
            if (draft is null || previous is null || StartsNewParagraph(draft, previous, line, start, bodySize))
            {
                if (draft is not null) paragraphs.Add(draft.ToParagraph());
                draft = new ParagraphDraft(start.Kind, line, start.Number, start.Text);
            }
            else
            {
                draft.Append(line, dehyphenator);
            }
            previous = line;
        }
        if (draft is not null) paragraphs.Add(draft.ToParagraph());
        return paragraphs;
    }

    private static bool StartsNewParagraph(ParagraphDraft draft, TextLine previous, TextLine line, LineStart start, double bodySize)
    {
        if (start.Kind is ParagraphKind.Numbered or ParagraphKind.Bullet) return true;
        // A letter's closing ("Yours sincerely") is never part of the prose above it or the signature below it.
        if (IsClosing(line.Text) || IsClosing(previous.Text)) return true;
        var isHeading = start.Kind == ParagraphKind.Heading;
        if (isHeading != (draft.Kind == ParagraphKind.Heading)) return true;
        if (Math.Abs(line.FontSize - previous.FontSize) > 1.5) return true;
        if (line.Page != previous.Page)
        {
            // Carry a paragraph over the page break only when its sentence is unfinished, and never into a bold line
            // under plain text (a heading at the top of the next page, such as a letter's "What needs to improve").
            return isHeading || EndsSentence(draft.Text) || (line.IsBold && !previous.IsBold);
        }
        if (line.Baseline >= previous.Baseline) return true; // moved up: a new column or block
        var gap = previous.Baseline - line.Baseline;
        return gap > Math.Max(line.FontSize, previous.FontSize) * ParagraphGapInFontSizes;
    }

    private static bool IsClosing(string text) => ClosingLine().IsMatch(text);

    [GeneratedRegex(@"^\s*yours?\s+(sincerely|faithfully)\b[,.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingLine();

    private static bool IsNextNumber(string? number, int? lastNumber) =>
        int.TryParse(number, out var n) && (n == 1 || n == lastNumber + 1);

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('’', '”', '"', '\'', ')');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':';
    }

    private static LineStart Classify(TextLine line, double bodySize)
    {
        var text = line.Text;
        var numbered = NumberedStart().Match(text);
        if (numbered.Success)
            return new LineStart(ParagraphKind.Numbered, numbered.Groups[1].Value, text[numbered.Length..]);
        if (text.Length > 1 && IsBulletGlyph(text[0]) && (text.Length == 1 || text[1] == ' '))
            return new LineStart(ParagraphKind.Bullet, null, text[1..].TrimStart());
        var isHeading = line.FontSize >= bodySize + 1.5 || (line.IsBold && !EndsSentence(text) && text.Length < 160);
        return new LineStart(isHeading ? ParagraphKind.Heading : ParagraphKind.Body, null, text);
    }

    private static bool IsBulletGlyph(char c) =>
        c is '•' or '◼' or '▪' or '■' or '●' or '◦' or '·' || (c >= '\uE000' && c <= '\uF8FF');

    /// <summary>Lower-case words seen inside lines (not at a line end, where a break could hide their true form).</summary>
    private static HashSet<string> BuildVocabulary(List<TextLine> lines)
    {
        var vocabulary = new HashSet<string>();
        foreach (var line in lines)
        {
            var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length - 1; i++)
                vocabulary.Add(words[i].Trim('.', ',', ';', ':', '(', ')', '‘', '’', '“', '”', '"', '\'').ToLowerInvariant());
        }
        return vocabulary;
    }

    // "12. Text", or "12." alone on its line with the text on the next line.
    [GeneratedRegex(@"^(\d{1,3})\.(\s+(?=\S)|$)")]
    private static partial Regex NumberedStart();

    private readonly record struct LineStart(ParagraphKind Kind, string? Number, string Text);

    private sealed class ParagraphDraft(ParagraphKind kind, TextLine first, string? number, string text)
    {
        private readonly StringBuilder _text = new(text);
        private readonly List<PageBreak> _pageBreaks = [];
        private int _lastPage = first.Page;

        public ParagraphKind Kind { get; } = kind;

        public string Text => _text.ToString();

        public void Append(TextLine line, Dehyphenator dehyphenator)
        {
            var current = _text.ToString();
            if (line.Page != _lastPage) _pageBreaks.Add(new PageBreak(current.Length + 1, line.Page));
            if (Dehyphenator.IsBrokenWord(current, line.Text))
            {
                _text.Clear().Append(dehyphenator.Join(current, line.Text));
            }
            else
            {
                _text.Append(' ').Append(line.Text);
            }
            _lastPage = line.Page;
        }

        public Paragraph ToParagraph()
        {
            var raw = _text.ToString();
            var lead = raw.Length - raw.TrimStart().Length;
            var breaks = _pageBreaks.Select(b => b with { Offset = Math.Max(0, b.Offset - lead) }).ToList();
            return new Paragraph(raw.Trim(), Kind, first.Page, _lastPage, number, first.FontSize, first.IsBold, breaks);
        }
    }
}
