using System.Text.RegularExpressions;
using JudgementMiner.Output;

namespace JudgementMiner.Evaluation;

/// <summary>One sentence a quality check flags, for a person to look at.</summary>
public sealed record FlaggedSentence(string Check, string ReportId, string LocalAuthority, int Page, string Section, string Text);

/// <summary>Corpus-wide checks of the extracts that need no gold set, with every flagged sentence listed.</summary>
public sealed record TextQuality(
    int Sentences,
    IReadOnlyList<FlaggedSentence> Flagged,
    int ReportsWithLeadershipGrade,
    IReadOnlyList<string> LeadershipSectionMissing,
    IReadOnlyDictionary<string, double> MedianLeadershipSentencesByFramework)
{
    public int Count(string check) => Flagged.Count(f => f.Check == check);
}

/// <summary>
/// Looks for what must never be in a sentence (running header or footer text, page numbers, contents lines),
/// sentences shorter than 3 or longer than 120 words, and SIF/ILACS reports with a leadership grade but no
/// leadership section.
/// </summary>
public static partial class TextQualityReport
{
    public const string TooShort = "shorter than 3 words";
    public const string TooLong = "longer than 120 words";
    public const string Footer = "running header or footer text";
    public const string PageNumber = "page number";
    public const string ContentsLine = "contents-page line";

    public static TextQuality Evaluate(IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts)
    {
        var flagged = new List<FlaggedSentence>();
        foreach (var e in extracts)
        {
            var words = e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            void Flag(string check) => flagged.Add(new FlaggedSentence(check, e.ReportId, e.LocalAuthority ?? "", e.Page, e.Section, e.Text));
            if (words < 3) Flag(TooShort);
            if (words > 120) Flag(TooLong);
            if (FooterText().IsMatch(e.Text)) Flag(Footer);
            if (PageNumberText().IsMatch(e.Text)) Flag(PageNumber);
            if (ContentsText().IsMatch(e.Text)) Flag(ContentsLine);
        }

        var leadershipCounts = extracts.Where(e => e.Section == "leadership").GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.Count());
        var graded = reports.Where(r => r.IsOk && r.GradeLeadership is not null && r.Framework is "sif" or "ilacs" or "ilacs_2026").ToList();
        var missing = graded.Where(r => !leadershipCounts.ContainsKey(r.ReportId)).Select(r => r.SourcePath).ToList();
        var medians = graded.GroupBy(r => r.Framework).ToDictionary(g => g.Key,
            g => Median(g.Select(r => leadershipCounts.GetValueOrDefault(r.ReportId)).ToList()));
        return new TextQuality(extracts.Count, flagged, graded.Count, missing, medians);
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2.0;
    }

    // The running footer of ILACS reports: "Inspection of Dorset local authority children's services" with the dates.
    [GeneratedRegex(@"inspection of [\w ,'’&-]+ local authority children[’']s services\s+\d|\bpage \d+ of \d+\b|©\s*crown copyright", RegexOptions.IgnoreCase)]
    private static partial Regex FooterText();

    // A bare number where a sentence ends with no stop, as a page number does ("... board: Hull 3"); a grade number
    // ("Inadequate Grade 4", a pre-2013 record of main findings) is not one.
    [GeneratedRegex(@"(?<!\bgrade)\s+\d{1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberText();

    // Contents lines: with no stop of their own, two or more "Title 12" entries, the last ending the line.
    [GeneratedRegex(@"^[^.!]*[A-Za-z?’)]\s+\d{1,3}\s+[A-Z][^.!]{2,100}\s+\d{1,3}$")]
    private static partial Regex ContentsText();
}
