using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>A letter's title: its kind, the paragraph that prints it, and the provider it names.</summary>
/// <param name="ParagraphIndex">The title's last paragraph (a title can wrap into a second paragraph: "... children's" / "services").</param>
public sealed record LetterTitle(InspectionType Type, int ParagraphIndex, string Title, string Provider, string? NotReadBecause = null);

/// <summary>
/// Tells a letter from its own title on the first page, never from its file name: "Focused visit to Dorset children's
/// services", "Joint targeted area inspection of the multi-agency response to ... in Barnsley", "Area SEND inspection of
/// Dorset Local Area Partnership". A monitoring visit letter is recognised so that it gets a row saying it is not read
/// (its layout is not known here), never a reading as another kind.
/// </summary>
public sealed partial class LetterTitleReader
{
    public static LetterTitleReader Instance { get; } = new();

    /// <summary>Titles are on the first page (area SEND reports: its first lines); this many paragraphs are looked at.</summary>
    private const int ParagraphsLooked = 30;

    /// <summary>A title is short: a paragraph longer than this (words) is prose that merely mentions a visit.</summary>
    private const int MaxTitleWords = 50;

    public LetterTitle? Read(ReportText text)
    {
        var paragraphs = text.Paragraphs;
        for (var i = 0; i < Math.Min(paragraphs.Count, ParagraphsLooked); i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.FirstPage > 1) break;
            var title = paragraph.Text.Trim();
            if (title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxTitleWords) continue;
            var last = i;
            if (i + 1 < paragraphs.Count && WrappedEnd().IsMatch(paragraphs[i + 1].Text.Trim()) && Unfinished().IsMatch(title))
            {
                title += " " + paragraphs[i + 1].Text.Trim();
                last = i + 1;
            }
            var normalised = Normalise(title);
            if (FocusedVisit().Match(normalised) is { Success: true } fv)
                return new LetterTitle(InspectionType.FocusedVisit, last, title, Provider(title, fv.Length));
            if (Jtai().Match(normalised) is { Success: true } jtai)
                return new LetterTitle(InspectionType.Jtai, last, title, JtaiProvider(title, jtai.Length));
            if (AreaSend().Match(normalised) is { Success: true } send)
                return new LetterTitle(InspectionType.AreaSend, last, title, Provider(title, send.Length));
            if (MonitoringVisit().Match(normalised) is { Success: true } monitoring)
                return new LetterTitle(InspectionType.Other, last, title, Provider(title, monitoring.Length),
                    "a monitoring visit letter: JudgementMiner does not read these yet (no example of their layout has been checked)");
        }
        return null;
    }

    /// <summary>Lower case, typographic apostrophes straight, single spaces: what the title patterns are written against.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The title after its prefix, without "(local authority) children's services" and a leading "the".</summary>
    private static string Provider(string title, int prefixLength)
    {
        var rest = title[Math.Min(prefixLength, title.Length)..].Trim();
        rest = ServicesSuffix().Replace(rest.TrimEnd('.', ' '), "").Trim();
        rest = LeadingThe().Replace(rest, "");
        return rest.TrimEnd('.', ',', ' ');
    }

    /// <summary>"... of the multi-agency response to abuse and neglect in Wokingham": the area after the last " in ".</summary>
    private static string JtaiProvider(string title, int prefixLength)
    {
        var rest = title[Math.Min(prefixLength, title.Length)..].Trim();
        if (MultiAgency().IsMatch(rest))
        {
            var at = rest.LastIndexOf(" in ", StringComparison.Ordinal);
            if (at >= 0) rest = rest[(at + 4)..];
        }
        return Provider(rest, 0);
    }

    /// <summary>The rest of a title that wrapped: "services", "services.", "Partnership".</summary>
    [GeneratedRegex(@"^(children[’']?s )?(services|partnership|area partnership)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedEnd();

    [GeneratedRegex(@"\b(children[’']?s|local|local area|authority)$", RegexOptions.IgnoreCase)]
    private static partial Regex Unfinished();

    [GeneratedRegex(@"^focused visit (to|of) ")]
    private static partial Regex FocusedVisit();

    [GeneratedRegex(@"^joint targeted area inspection (of|in) ")]
    private static partial Regex Jtai();

    [GeneratedRegex(@"^area send inspection of ")]
    private static partial Regex AreaSend();

    [GeneratedRegex(@"^monitoring visit (to|of) ")]
    private static partial Regex MonitoringVisit();

    [GeneratedRegex(@"\s*((local authority|council)\s+)?children[’']?s\s+services\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ServicesSuffix();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThe();

    [GeneratedRegex(@"^the multi-agency respon", RegexOptions.IgnoreCase)]
    private static partial Regex MultiAgency();
}
