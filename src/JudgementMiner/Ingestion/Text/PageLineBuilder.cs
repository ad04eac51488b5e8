using UglyToad.PdfPig.Content;

namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Turns one PdfPig page into printed lines: words grouped by baseline, sorted top to bottom and left to right,
/// split into segments at wide gaps (table columns), with superscript footnote markers dropped.
/// </summary>
public sealed class PageLineBuilder
{
    public static PageLineBuilder Instance { get; } = new();

    /// <summary>Words whose baselines differ by less than this (points) share a line.</summary>
    private const double BaselineTolerance = 2.0;

    /// <summary>A gap between letters wider than this many font sizes separates two words.</summary>
    private const double WordGapInFontSizes = 0.2;

    /// <summary>A gap wider than this many font sizes between two words starts a new segment (a table cell).</summary>
    private const double SegmentGapInFontSizes = 1.6;

    /// <summary>Digits printed at most this fraction of the neighbouring text size are footnote markers.</summary>
    private const double SuperscriptSizeRatio = 0.8;

    public IReadOnlyList<TextLine> Build(Page page)
    {
        var words = ReadWords(page);

        // Top of the page first; within a baseline band, left to right.
        words.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
        var bands = new List<List<PositionedWord>>();
        foreach (var word in words)
        {
            if (bands.Count > 0 && Math.Abs(bands[^1][0].Baseline - word.Baseline) <= BaselineTolerance)
                bands[^1].Add(word);
            else
                bands.Add([word]);
        }

        var lines = new List<TextLine>(bands.Count);
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            band.Sort((a, b) => a.Left.CompareTo(b.Left));
            var lineSize = MedianSize(band);
            if (IsFootnoteMarkerBand(band, bands, i, lineSize)) continue;
            // Inline markers: small digits inside a normal line.
            band.RemoveAll(w => w.Size < lineSize * SuperscriptSizeRatio && IsDigits(w.Text) && band.Count > 1);
            if (band.Count == 0) continue;
            lines.Add(ToLine(page.Number, band));
        }
        return lines;
    }

    /// <summary>
    /// Groups the page's letters into words in content-stream order: a space, a change of baseline or a gap wider
    /// than a fraction of the type size ends a word. Word-processor PDFs such as Ofsted's write letters in reading
    /// order, so this single pass gives the same words as PdfPig's word extractors at a fraction of their cost.
    /// </summary>
    private static List<PositionedWord> ReadWords(Page page)
    {
        var words = new List<PositionedWord>();
        var text = new System.Text.StringBuilder();
        double left = 0, right = 0, advance = 0, baseline = 0, size = 0;
        int letters = 0, bold = 0;

        void Flush()
        {
            if (text.Length > 0) words.Add(new PositionedWord(text.ToString(), baseline, left, right, size, bold * 2 > letters));
            text.Clear();
            letters = bold = 0;
            size = 0;
        }

        foreach (var letter in page.Letters)
        {
            var value = letter.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                Flush();
                continue;
            }
            var letterLeft = letter.BoundingBox.Left;
            var letterBaseline = letter.StartBaseLine.Y;
            if (text.Length > 0)
            {
                // Measured from where the previous glyph's advance ends: glyph boxes can be much narrower.
                var gap = letter.StartBaseLine.X - advance;
                if (Math.Abs(letterBaseline - baseline) > BaselineTolerance || gap > letter.PointSize * WordGapInFontSizes || gap < -letter.PointSize)
                    Flush();
            }
            if (text.Length == 0)
            {
                left = letterLeft;
                baseline = letterBaseline;
            }
            text.Append(value);
            right = Math.Max(letterLeft, letter.BoundingBox.Right);
            advance = letter.EndBaseLine.X;
            size = Math.Max(size, letter.PointSize);
            letters++;
            if (letter.FontName is { } font && font.Contains("Bold", StringComparison.OrdinalIgnoreCase)) bold++;
        }
        Flush();
        return words;
    }

    private static bool IsFootnoteMarkerBand(List<PositionedWord> band, List<List<PositionedWord>> bands, int index, double bandSize)
    {
        // Footnote digits, or the raised "th" of "31st"/"4th" printed as a superscript.
        if (band.Count > 2 || !band.All(w => IsDigits(w.Text) || w.Text is "st" or "nd" or "rd" or "th")) return false;
        // Compare with the nearest band above or below within two line heights.
        double neighbourSize = 0;
        foreach (var j in new[] { index - 1, index + 1 })
        {
            if (j < 0 || j >= bands.Count) continue;
            if (Math.Abs(bands[j][0].Baseline - band[0].Baseline) > bandSize * 2.5) continue;
            neighbourSize = Math.Max(neighbourSize, MedianSize(bands[j]));
        }
        return neighbourSize > 0 && bandSize <= neighbourSize * SuperscriptSizeRatio;
    }

    private static TextLine ToLine(int pageNumber, List<PositionedWord> band)
    {
        var segments = new List<LineSegment>();
        var size = MedianSize(band);
        var start = 0;
        for (var k = 1; k <= band.Count; k++)
        {
            if (k < band.Count && band[k].Left - band[k - 1].Right <= size * SegmentGapInFontSizes) continue;
            segments.Add(new LineSegment(band.Skip(start).Take(k - start).Select(w => new PlacedWord(w.Text, w.Left, w.Right)).ToList()));
            start = k;
        }
        var boldCount = band.Count(w => w.IsBold);
        return new TextLine(pageNumber, band[0].Baseline, band[0].Left, size, boldCount * 2 > band.Count, segments);
    }

    private static double MedianSize(List<PositionedWord> band)
    {
        if (band.Count == 1) return band[0].Size;
        var sizes = band.Select(w => w.Size).OrderBy(s => s).ToArray();
        return sizes[sizes.Length / 2];
    }

    private static bool IsDigits(string text) => text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit);

    private readonly record struct PositionedWord(string Text, double Baseline, double Left, double Right, double Size, bool IsBold);
}
