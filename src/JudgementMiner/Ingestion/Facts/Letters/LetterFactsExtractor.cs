using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>
/// Reads the facts of a letter whose title <see cref="LetterTitleReader"/> recognised: the council it is about (trusts
/// included), the visit's first and last day, the date printed at its head, its focus statement and themes, the areas
/// for priority action, an area SEND inspection's outcome and the inspectors it names. Letters have no grades.
/// </summary>
public sealed partial class LetterFactsExtractor(LocalAuthorityLookup lookup)
{
    /// <summary>The opening paragraphs after the title that hold the visit's dates, inspectors and focus.</summary>
    private const int OpeningParagraphs = 14;

    public ReportFacts Extract(ReportText text, SourceFile source, LetterTitle title)
    {
        var paragraphs = text.Paragraphs;
        var front = new FrontPage(text);
        var warnings = new List<string>();
        var framework = title.Type switch
        {
            InspectionType.FocusedVisit => Framework.Ilacs,
            InspectionType.Jtai => Framework.Jtai,
            InspectionType.AreaSend => Framework.AreaSend,
            _ => Framework.Unknown,
        };
        var printed = PrintedDate(paragraphs, title.ParagraphIndex);
        var publication = printed ?? PublicationDateReader.Instance.Read(front, source.FileNameDate);
        var dates = title.Type == InspectionType.AreaSend ? InspectionDatesReader.Instance.Read(front) : VisitDates(paragraphs, title.ParagraphIndex, publication);
        if (dates is null && title.NotReadBecause is null) warnings.Add("no visit dates found in the letter's opening paragraphs");
        var focus = title.Type is InspectionType.FocusedVisit or InspectionType.Jtai ? Focus(paragraphs, title) : null;
        var themes = VisitThemeReader.Instance.Read(title.Type, focus is null ? null : focus.Value.Statement + " " + focus.Value.Detail);
        if (title.Type == InspectionType.FocusedVisit && focus is null)
            themes = VisitThemeReader.Instance.FromFindings(paragraphs.Skip(title.ParagraphIndex + 1)
                .Select(p => string.Join(' ', LetterSentences.Of(p.Text).Take(FindingOpeningSentences))));
        var inspectors = InspectorNamesReader.Instance.Read(paragraphs, title.ParagraphIndex + 1);

        return new ReportFacts(
            framework,
            Council(text, source, title, warnings),
            dates?.Start,
            dates?.End,
            publication,
            inspectors.Count > 0 ? inspectors[0] : null,
            new Dictionary<Judgement, Grade>(),
            [],
            warnings)
        {
            InspectionType = title.Type,
            Provider = title.Provider,
            VisitFocus = focus?.Statement,
            VisitThemes = themes,
            PriorityActions = PriorityActionCounter.Instance.Count(text),
            SendOutcome = title.Type == InspectionType.AreaSend ? Outcome(front.Text) : null,
            Inspectors = inspectors,
            TitleParagraph = title.ParagraphIndex,
            NotReadBecause = title.NotReadBecause,
        };
    }

    /// <summary>
    /// The council, by the lookup's name: the provider the title names ("Slough Children First" holds "Slough"), else
    /// a council named in the opening paragraphs, else the Ofsted URN of the folder the file was saved in
    /// (<c>&lt;urn&gt;_&lt;council&gt;</c>, as the public scrapers save them), with a warning.
    /// </summary>
    private string? Council(ReportText text, SourceFile source, LetterTitle title, List<string> warnings)
    {
        if (lookup.Match(title.Provider) is { } byTitle) return byTitle.Name;
        foreach (var paragraph in text.Paragraphs.Skip(title.ParagraphIndex + 1).Take(3))
        {
            foreach (Match named in ServicesOf().Matches(paragraph.Text))
                if (lookup.Match(named.Groups["name"].Value) is { } byText) return byText.Name;
        }
        if (lookup.MatchFolder(source.Path) is { } byFolder)
        {
            warnings.Add($"'{title.Provider}' is not in the council lookup; the council was taken from the folder's Ofsted URN ({byFolder.Urn})");
            return byFolder.Name;
        }
        warnings.Add($"'{title.Provider}' is not in the council lookup");
        return title.Provider;
    }

    /// <summary>The first sentence after the title that dates the visit ("... on 17 and 18 May 2023", "took place from 23 to 27 May 2022").</summary>
    /// <remarks>
    /// Some letters print the visit's days without a year ("on 30 and 31 January", "Between 16 May and 20 May"): the
    /// year is the letter's own, or the year before when that would put the visit after the letter.
    /// </remarks>
    private static (DateOnly Start, DateOnly End)? VisitDates(IReadOnlyList<Paragraph> paragraphs, int title, DateOnly? letterDate)
    {
        for (var i = title + 1; i < Math.Min(paragraphs.Count, title + 1 + OpeningParagraphs); i++)
        {
            foreach (var sentence in LetterSentences.Of(paragraphs[i].Text))
            {
                if (!VisitSentence().IsMatch(sentence) || EarlierEvent().IsMatch(sentence)) continue;
                if (DateText.ParseRange(sentence) is { } range) return range;
                if (letterDate is { } letter && DayAndMonth().Matches(sentence) is { Count: > 0 } days)
                {
                    var last = days[^1];
                    var dated = sentence.Insert(last.Index + last.Length, " " + letter.Year);
                    if (DateText.ParseRange(dated) is { } withYear)
                        return withYear.End > letter ? (withYear.Start.AddYears(-1), withYear.End.AddYears(-1)) : withYear;
                }
            }
        }
        return null;
    }

    /// <summary>The letter's own date: a paragraph above the title that is nothing but a date.</summary>
    private static DateOnly? PrintedDate(IReadOnlyList<Paragraph> paragraphs, int title)
    {
        for (var i = 0; i < title; i++)
        {
            var text = paragraphs[i].Text.Trim();
            if (DateOnlyLine().IsMatch(text) && DateText.ParseSingle(text) is { } date) return date;
        }
        return null;
    }

    /// <summary>
    /// The focus statement, as printed, and what details it: for a focused visit the sentences right after it that
    /// say what else the visit looked at ("This included ...", "Specifically, ...", "They also considered ..."); for a
    /// joint targeted area inspection its title and its "deep dive" sentence (the early inspections' theme). A joint
    /// inspection's focus is its "multi-agency response to ..." sentence, else its title.
    /// </summary>
    private static (string Statement, string Detail)? Focus(IReadOnlyList<Paragraph> paragraphs, LetterTitle title)
    {
        var opening = new List<(string Text, bool IsListItem, int Paragraph)>();
        for (var i = title.ParagraphIndex + 1; i < Math.Min(paragraphs.Count, title.ParagraphIndex + 1 + OpeningParagraphs); i++)
        {
            var isListItem = paragraphs[i].Kind is ParagraphKind.Bullet or ParagraphKind.Numbered;
            var paragraph = i;
            opening.AddRange(LetterSentences.Of(paragraphs[i].Text).Select(sentence => (sentence, isListItem, paragraph)));
        }
        if (title.Type == InspectionType.Jtai)
        {
            var deepDive = string.Join(' ', opening.Select(o => o.Text).Where(s => DeepDive().IsMatch(s)));
            var statement = opening.Select(o => o.Text).FirstOrDefault(s => JtaiFocus().IsMatch(s));
            if (statement is null && JtaiFocus().IsMatch(title.Title)) statement = title.Title;
            return statement is null && deepDive.Length == 0 ? null : (statement ?? deepDive, title.Title + " " + deepDive);
        }
        for (var s = 0; s < opening.Count; s++)
        {
            var focus = opening[s].Text;
            if (!VisitFocus().IsMatch(focus) || Evidence().IsMatch(focus)) continue;
            var detail = new List<string>();
            // The rest of the focus paragraph details it; so do the list under a focus that ends in a colon ("with a
            // particular focus on: ...") and later sentences that say what else the visit looked at.
            var listFollows = focus.TrimEnd().EndsWith(':');
            for (var d = s + 1; d < opening.Count && detail.Count < MaxFocusDetail; d++)
            {
                var (text, isListItem, paragraph) = opening[d];
                if (listFollows && isListItem) { detail.Add(text); continue; }
                listFollows = false;
                if (FrameworkSentence().IsMatch(text)) continue; // "This visit was carried out in line with the ILACS framework."
                if (Evidence().IsMatch(text)) break;
                var sameParagraph = paragraph == opening[s].Paragraph;
                if (!sameParagraph && !(FocusDetail().IsMatch(text) || VisitFocus().IsMatch(text))) break;
                detail.Add(text);
                listFollows = text.TrimEnd().EndsWith(':');
            }
            return (focus, string.Join(' ', detail));
        }
        return null;
    }

    /// <summary>A finding's first sentences, which say what it is about (the first is often a general statement).</summary>
    private const int FindingOpeningSentences = 2;

    /// <summary>At most this many sentences after the focus statement detail it.</summary>
    private const int MaxFocusDetail = 4;

    private static SendOutcome? Outcome(string frontText)
    {
        var text = LetterTitleReader.Normalise(frontText.Replace('\n', ' '));
        if (Systemic().IsMatch(text)) return SendOutcome.Systemic;
        if (Inconsistent().IsMatch(text)) return SendOutcome.Inconsistent;
        if (Positive().IsMatch(text)) return SendOutcome.Positive;
        return null;
    }

    [GeneratedRegex(@"\b(visit|visited|inspection|inspected|took place|carried out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VisitSentence();

    [GeneratedRegex(@"\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?!,?\s+(19|20)\d\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\b(last|previous|previously|since|earlier)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EarlierEvent();

    [GeneratedRegex(@"^\d{1,2}(st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+(19|20)\d\d\s*$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"^(During this visit, |During the visit, |As part of this visit, )?((the )?(inspectors?|this visit|the visit)\b.{0,40}\b(looked at|evaluated?|focused on|considered|reviewed)|the focus of (this|the) (focused )?visit (was|is)|this (focused )?visit (focused|looked) )", RegexOptions.IgnoreCase)]
    private static partial Regex VisitFocus();

    /// <summary>"Inspectors considered a range of evidence ...": how the visit was done, not what it looked at.</summary>
    [GeneratedRegex(@"\b(range of evidence|evidence, including|case records|case discussions|performance (information|data)|methodology)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Evidence();

    /// <summary>The framework sentence of every letter's opening, which says nothing of the focus.</summary>
    [GeneratedRegex(@"\b(carried out|undertaken) (in line|in accordance) with\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrameworkSentence();

    [GeneratedRegex(@"\bdeep[ -]dive\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeepDive();

    [GeneratedRegex(@"\bmulti-agency (\w+ and )?respon", RegexOptions.IgnoreCase)]
    private static partial Regex JtaiFocus();

    [GeneratedRegex(@"^((the|this) (focused )?visit (also )?included|this (included|includes|also included)|inspectors also|they also|they (evaluated|looked at|considered|reviewed)|the visit also|this visit also|in particular|specifically|this focus|the focus|[◼•▪●])", RegexOptions.IgnoreCase)]
    private static partial Regex FocusDetail();

    [GeneratedRegex(@"\b(visit|inspection) to (?<name>[A-Z][\w’',&. -]{2,60}?) (local authority )?children[’']?s services", RegexOptions.IgnoreCase)]
    private static partial Regex ServicesOf();

    [GeneratedRegex(@"widespread and/or systemic failings|widespread and systemic failings|systemic failings leading to significant concerns")]
    private static partial Regex Systemic();

    [GeneratedRegex(@"lead to inconsistent experiences and outcomes")]
    private static partial Regex Inconsistent();

    [GeneratedRegex(@"typically lead to positive experiences and outcomes")]
    private static partial Regex Positive();
}
