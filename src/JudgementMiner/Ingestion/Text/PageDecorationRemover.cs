using System.Text;
using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Removes running headers and footers (text that repeats near the top or bottom of many pages, with page numbers
/// and dates folded) and bare page numbers in the page margins.
/// </summary>
public sealed partial class PageDecorationRemover
{
    public static PageDecorationRemover Instance { get; } = new();

    /// <summary>The top and bottom fraction of the page where running headers and footers live.</summary>
    private const double MarginFraction = 0.12;

    /// <summary>A margin line repeated on at least this share of pages is a running header or footer...</summary>
    private const double RepeatShare = 0.4;

    /// <summary>... and so is one repeated at the same height on this many pages (a second report bound into the PDF).</summary>
    private const int RepeatPages = 4;

    public IReadOnlyList<ReportPage> Remove(IReadOnlyList<ReportPage> pages)
    {
        var counts = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            foreach (var key in page.Lines.Where(l => InMargin(page, l)).Select(l => MarginKey(page, l)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var minimumRepeats = Math.Max(2, Math.Min(RepeatPages, (int)Math.Ceiling(pages.Count * RepeatShare)));

        var cleaned = new List<ReportPage>(pages.Count);
        foreach (var page in pages)
        {
            var kept = page.Lines.Where(line => !InMargin(page, line)
                    || (!IsPageNumber(line.Text) && counts.GetValueOrDefault(MarginKey(page, line)) < minimumRepeats))
                .ToList();
            cleaned.Add(page with { Lines = kept });
        }
        return cleaned;
    }

    private static bool InMargin(ReportPage page, TextLine line) =>
        line.Baseline > page.Height * (1 - MarginFraction) || line.Baseline < page.Height * MarginFraction;

    /// <summary>Top or bottom and the height, plus the text with digits and month names folded, so "Page 3" and "Page 4" match.</summary>
    private static string MarginKey(ReportPage page, TextLine line)
    {
        var region = (line.Baseline > page.Height / 2 ? "T" : "B") + Math.Round(line.Baseline / 3) + ":";
        var folded = Digits().Replace(line.Text.ToLowerInvariant(), "#");
        folded = Months().Replace(folded, "<month>");
        return region + new StringBuilder(folded).Replace(" ", "").ToString();
    }

    private static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Trim());

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"january|february|march|april|may|june|july|august|september|october|november|december")]
    private static partial Regex Months();

    [GeneratedRegex(@"^(page\s*)?[-–]?\s*\d{1,3}\s*[-–]?(\s*(of|/)\s*\d{1,3})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
