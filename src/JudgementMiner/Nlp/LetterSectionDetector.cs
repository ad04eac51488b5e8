using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Facts.Letters;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Nlp;

/// <summary>
/// Sections of a letter (data contract version 2). Everything up to and including the title is front matter: the
/// Ofsted letterhead, the date, the addressee's name and address and the salutation. Then the overview ("Headline
/// findings", "Overview", an area SEND report's "Inspection outcome") is <c>summary</c>; "What needs to improve",
/// "Areas for improvement" and "Areas for priority action" are <c>improvements</c>; the body ("Main findings" and
/// the other headings) is <c>findings</c>. The sign-off ("Yours sincerely" and the signature), an area SEND report's
/// partnership details and inspection team, and the publisher's back page hold no extracts. The Ofsted letterhead is
/// front matter wherever the PDF's reading order puts it.
/// </summary>
public sealed partial class LetterSectionDetector
{
    public static LetterSectionDetector Instance { get; } = new();

    /// <summary>A body paragraph longer than this (words) is prose, never a heading.</summary>
    private const int MaxHeadingWords = 20;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var paragraphs = document.Paragraphs;
        // The facts stage found the title; without one (another facts extractor) the letter has no front matter.
        var title = document.Facts.TitleParagraph ?? -1;
        var current = new SectionSpan(0, Section.Front, "", null, 0);
        document.Sections.Add(current);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i].Source;
            var normalised = LetterTitleReader.Normalise(paragraph.Text);
            Section? start = null;
            var heading = paragraph.Text;
            // Date lines under an area SEND report's title ("Inspection dates: ...") are front matter too.
            if (i == title + 1 && DateLine().IsMatch(normalised)) title++;
            if (i == title + 1) start = Section.Summary;
            if (i > title && current.Section != Section.Back)
            {
                if (Letterhead().IsMatch(normalised))
                {
                    // The letterhead printed at the foot of page 1: front matter, then the section it interrupted goes on.
                    var interrupted = current;
                    Begin(document, ref current, Section.Front, paragraph.Text, i);
                    paragraphs[i].SectionIndex = current.Index;
                    if (i + 1 < paragraphs.Count) Begin(document, ref current, interrupted.Section, interrupted.Heading, i + 1);
                    continue;
                }
                if (Classify(paragraph, normalised) is { } classified && (classified != current.Section || classified == Section.Back)) start = classified;
                if (start == Section.Summary && i == title + 1) heading = paragraph.Kind == ParagraphKind.Heading ? paragraph.Text : "";
            }
            if (start is { } section && !(section == current.Section && i == title + 1 && current.Index > 0))
                Begin(document, ref current, section, heading, i);
            paragraphs[i].SectionIndex = current.Index;
        }
        current.LastParagraph = paragraphs.Count - 1;
    }

    private static void Begin(Document document, ref SectionSpan current, Section section, string heading, int paragraph)
    {
        current.LastParagraph = paragraph - 1;
        current = new SectionSpan(document.Sections.Count, section, heading, null, paragraph);
        document.Sections.Add(current);
    }

    private static Section? Classify(Paragraph paragraph, string normalised)
    {
        if (SignOff().IsMatch(normalised) || BackMatter().IsMatch(normalised)) return Section.Back;
        if (paragraph.Kind is ParagraphKind.Bullet or ParagraphKind.Numbered) return null;
        if (normalised.Split(' ').Length > MaxHeadingWords) return null;
        if (Improvements().IsMatch(normalised)) return Section.Improvements;
        if (Summary().IsMatch(normalised)) return Section.Summary;
        if (Findings().IsMatch(normalised)) return Section.Findings;
        return null;
    }

    [GeneratedRegex(@"^(inspection dates?|dates? of (the )?(previous|last) (full )?inspection)\b")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(headline findings|overview|summary( of findings)?|inspection outcome|the inspection outcome)\b")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^(what needs to improve|what (does|do) the (local authority|partnership|partners|agencies) need to improve|areas? for (priority action|improvement|development)|priority actions?|recommendations?\s*:?$)")]
    private static partial Regex Improvements();

    [GeneratedRegex(@"^(main findings|findings|what is it like to be a child|what is the local area partnership doing|what does the local area partnership need to do better|information about the local area( partnership)?|the multi-agency response|the local safeguarding partnership|the partnership|case (study|studies)|practice study|next steps)\b")]
    private static partial Regex Findings();

    [GeneratedRegex(@"^(yours? sincerely|yours? faithfully|local area partnership details|inspection team$|any complaints about the inspection|if you would like a copy of this document|you may (reuse|copy) this|the office for standards in education, children's services and skills|© crown copyright)")]
    private static partial Regex BackMatter();

    [GeneratedRegex(@"^(yours? sincerely|yours? faithfully)\b")]
    private static partial Regex SignOff();

    /// <summary>Ofsted's address block: "Ofsted Piccadilly Gate Store Street Manchester ... www.gov.uk/ofsted".</summary>
    [GeneratedRegex(@"(piccadilly gate|enquiries@ofsted\.gov\.uk|textphone 0161|0300 123 1231|www\.gov\.uk/ofsted\s*$|agora 6 cumberland place|aviation house)")]
    private static partial Regex Letterhead();
}
