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
    /// <summary>Letters (focused visits, joint inspections, area SEND) with a sentence the models tag with a leadership or governance theme.</summary>
    public int LettersWithGovernanceSentence { get; init; }

    /// <summary>Those of them with no leadership extract (source paths): each is a miss of the leadership-extract rule.</summary>
    public IReadOnlyList<string> LettersWithoutLeadershipExtract { get; init; } = [];

    /// <summary>The median number of leadership extracts per document, by inspection type (schema 2).</summary>
    public IReadOnlyDictionary<string, double> MedianLeadershipExtractsByType { get; init; } = new Dictionary<string, double>();

    public int Count(string check) => Flagged.Count(f => f.Check == check);
}

/// <summary>
/// Looks for what must never be in a sentence (running header or footer text, page numbers, contents lines),
/// sentences shorter than 3 or longer than 120 words, and SIF/ILACS reports with a leadership grade but no
/// leadership section. In letters, also what must never be a sentence: the Ofsted letterhead, an address (a
/// postcode), the salutation and the signature; and each letter with a leadership or governance sentence must have a
/// leadership extract.
/// </summary>
public static partial class TextQualityReport
{
    public const string TooShort = "shorter than 3 words";
    public const string TooLong = "longer than 120 words";
    public const string Footer = "running header or footer text";
    public const string PageNumber = "page number";
    public const string ContentsLine = "contents-page line";
    public const string Letterhead = "letterhead or address";
    public const string Salutation = "salutation or signature";

    /// <summary>The checks <c>eval text --strict</c> fails on: text that is not the document's prose.</summary>
    public static readonly string[] HardChecks = [Footer, PageNumber, ContentsLine, Letterhead, Salutation];

    /// <summary>The themes that make a sentence a leadership or governance sentence for the letters check.</summary>
    private static readonly HashSet<string> GovernanceThemes = ["leadership", "scrutiny", "corporate_parenting", "partnerships", "performance_management"];

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
            if (LetterheadText().IsMatch(e.Text)) Flag(Letterhead);
            if (SalutationText().IsMatch(e.Text)) Flag(Salutation);
        }

        var leadershipCounts = extracts.Where(e => e.Section == "leadership").GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.Count());
        var graded = reports.Where(r => r.IsOk && r.GradeLeadership is not null && r.Framework is "sif" or "ilacs" or "ilacs_2026").ToList();
        var missing = graded.Where(r => !leadershipCounts.ContainsKey(r.ReportId)).Select(r => r.SourcePath).ToList();
        var medians = graded.GroupBy(r => r.Framework).ToDictionary(g => g.Key,
            g => Median(g.Select(r => leadershipCounts.GetValueOrDefault(r.ReportId)).ToList()));
        var byReport = extracts.GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.ToList());
        var letters = reports.Where(r => r.IsOk && r.InspectionType is "focused_visit" or "jtai" or "area_send").ToList();
        var governance = letters.Where(r => byReport.TryGetValue(r.ReportId, out var rows)
            && rows.Any(e => e.Themes?.Any(GovernanceThemes.Contains) == true)).ToList();
        var withoutExtract = governance.Where(r => !byReport[r.ReportId].Any(e => e.IsLeadershipExtract)).Select(r => r.SourcePath).ToList();
        var byType = reports.Where(r => r.IsOk && r.InspectionType is not null).GroupBy(r => r.InspectionType!).ToDictionary(g => g.Key,
            g => Median(g.Select(r => byReport.TryGetValue(r.ReportId, out var rows) ? rows.Count(e => e.IsLeadershipExtract) : 0).ToList()));
        return new TextQuality(extracts.Count, flagged, graded.Count, missing, medians)
        {
            LettersWithGovernanceSentence = governance.Count,
            LettersWithoutLeadershipExtract = withoutExtract,
            MedianLeadershipExtractsByType = byType,
        };
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2.0;
    }

    // The running footer of ILACS reports: "Inspection of Dorset local authority children's services" with the dates.
    // ... and the running header of area SEND reports: "Area SEND inspection report: Dorset Local Area Partnership, 11 to 15 March 2024".
    [GeneratedRegex(@"inspection of [\w ,'’&-]+ local authority children[’']s services\s+\d|\bpage \d+ of \d+\b|©\s*crown copyright|area send inspection report:", RegexOptions.IgnoreCase)]
    private static partial Regex FooterText();

    // Ofsted's letterhead and a postal address: the address lines, the telephone and e-mail, or a postcode.
    [GeneratedRegex(@"piccadilly gate|enquiries@ofsted\.gov\.uk|textphone|0300 123 1231|www\.gov\.uk/ofsted|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")]
    private static partial Regex LetterheadText();

    // "Dear Ms Leavy", "Yours sincerely", and a signature's title standing alone.
    [GeneratedRegex(@"^(dear (local partnership|[A-Z][\w’'-]+( [A-Z][\w’'-]+)?,?)$|yours? (sincerely|faithfully)\b)|^((his|her) majesty[’']s (chief )?inspector|hmi|national director,? [\w ,]+|regional director,? [\w ,]+)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex SalutationText();

    // A bare number where a sentence ends with no stop, as a page number does ("... board: Hull 3"); a grade number
    // ("Inadequate Grade 4", a pre-2013 record of main findings) is not one.
    [GeneratedRegex(@"(?<!\bgrade)\s+\d{1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberText();

    // Contents lines: with no stop of their own, two or more "Title 12" entries, the last ending the line.
    [GeneratedRegex(@"^[^.!]*[A-Za-z?’)]\s+\d{1,3}\s+[A-Z][^.!]{2,100}\s+\d{1,3}$")]
    private static partial Regex ContentsText();
}
