namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Moves footnotes out of the running text: the block of lines at the foot of a page printed in type smaller than
/// the body and set apart by a gap. Without this, a paragraph that runs on to the next page would be cut by the
/// footnote printed between its halves.
/// </summary>
public sealed class FootnoteSeparator
{
    public static FootnoteSeparator Instance { get; } = new();

    /// <summary>Footnote type is at least this many points smaller than the body type.</summary>
    private const double SmallerBy = 1.5;

    /// <summary>A footnote block starts in this bottom share of the page.</summary>
    private const double BottomShare = 0.3;

    /// <summary>The gap above a footnote block is at least this many body sizes.</summary>
    private const double GapInBodySizes = 1.5;

    public IReadOnlyList<ReportPage> Separate(IReadOnlyList<ReportPage> pages)
    {
        var bodySize = BodyFontSize.Of(pages.SelectMany(p => p.Lines));
        var result = new List<ReportPage>(pages.Count);
        foreach (var page in pages)
        {
            var lines = page.Lines;
            var start = lines.Count;
            while (start > 0 && lines[start - 1].FontSize <= bodySize - SmallerBy) start--;
            var isFootnote = start < lines.Count && start > 0
                && lines[start].Baseline < page.Height * BottomShare
                && lines[start - 1].Baseline - lines[start].Baseline >= bodySize * GapInBodySizes;
            result.Add(isFootnote
                ? page with { Lines = lines.Take(start).ToList(), Footnotes = lines.Skip(start).ToList() }
                : page);
        }
        return result;
    }
}
