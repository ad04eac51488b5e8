namespace JudgementMiner.Ingestion.Text;

/// <summary>One printed word and where it starts and ends on its line.</summary>
public readonly record struct PlacedWord(string Text, double Left, double Right);

/// <summary>A run of words on one baseline, with no wide gap inside it (a table cell or a plain line).</summary>
public sealed record LineSegment(string Text, double Left, double Right, IReadOnlyList<PlacedWord> Words)
{
    public LineSegment(IReadOnlyList<PlacedWord> words)
        : this(string.Join(" ", words.Select(w => w.Text)), words[0].Left, words[^1].Right, words)
    {
    }
}

/// <summary>One printed line of a page: its words in left-to-right order and the layout facts the later stages use.</summary>
public sealed record TextLine(
    int Page,
    double Baseline,
    double Left,
    double FontSize,
    bool IsBold,
    IReadOnlyList<LineSegment> Segments)
{
    /// <summary>The line's words joined by single spaces.</summary>
    public string Text { get; } = string.Join(" ", Segments.Select(s => s.Text));

    public override string ToString() => $"p{Page} y{Baseline:0} x{Left:0} {FontSize:0.#}{(IsBold ? "b" : "")} {Text}";
}

/// <summary>One page's lines in reading order, after decorations (running headers, footers, page numbers) are removed.</summary>
public sealed record ReportPage(int Number, double Width, double Height, IReadOnlyList<TextLine> Lines)
{
    /// <summary>Footnote lines printed at the foot of the page, kept out of the running text.</summary>
    public IReadOnlyList<TextLine> Footnotes { get; init; } = [];
}

/// <summary>What kind of block a paragraph is.</summary>
public enum ParagraphKind
{
    Body,
    Heading,
    Numbered,
    Bullet,
}

/// <summary>Where a paragraph's text moves on to a new page: the character offset and the new page's number.</summary>
public readonly record struct PageBreak(int Offset, int Page);

/// <summary>A paragraph rebuilt across line and page breaks, de-hyphenated.</summary>
/// <param name="Number">The printed paragraph number ("12") for numbered paragraphs, else null.</param>
/// <param name="PageBreaks">The offsets in <paramref name="Text"/> where a later page begins (empty for one-page paragraphs).</param>
public sealed record Paragraph(
    string Text,
    ParagraphKind Kind,
    int FirstPage,
    int LastPage,
    string? Number,
    double FontSize,
    bool IsBold,
    IReadOnlyList<PageBreak> PageBreaks)
{
    /// <summary>The page on which the character at <paramref name="offset"/> is printed.</summary>
    public int PageAt(int offset)
    {
        var page = FirstPage;
        foreach (var pageBreak in PageBreaks)
            if (offset >= pageBreak.Offset) page = pageBreak.Page;
        return page;
    }
}

/// <summary>The text of one report: the pages (for layout-aware readers such as the judgement table) and the paragraphs (for the NLP stage).</summary>
public sealed record ReportText(IReadOnlyList<ReportPage> Pages, IReadOnlyList<Paragraph> Paragraphs)
{
    public int PageCount => Pages.Count;

    public IEnumerable<TextLine> AllLines => Pages.SelectMany(p => p.Lines);
}
