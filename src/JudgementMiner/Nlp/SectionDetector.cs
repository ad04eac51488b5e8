using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Nlp;

/// <summary>
/// Assigns every paragraph to a section. The front matter of page 1 comes first; then a heading (or a short line
/// such as a SIF "key judgement" row) that starts a known section switches to it, and every paragraph up to the next
/// section start belongs to it. A contents page is its own section, so no contents line becomes an extract. Once the
/// SIF LSCB review begins, its own summary and improvement headings stay in the LSCB section.
/// </summary>
public sealed partial class SectionDetector : IProcess
{
    public static SectionDetector Instance { get; } = new();

    public string Name => "sections";

    /// <summary>A body paragraph longer than this (words) is prose, never a section start or a table row.</summary>
    private const int MaxStartWords = 30;

    /// <summary>On an ILACS first page, the first prose paragraph this long (words) starts the summary.</summary>
    private const int SummaryMinWords = 20;

    /// <summary>
    /// Section starts, tried in order. A weak start (a bare judgement name such as "Leadership and management") is a
    /// sub-heading inside a summary or an improvements list, and starts a section there only when it prints a grade.
    /// </summary>
    private static readonly (Regex Pattern, Section Section, bool Weak)[] Starts =
    [
        (new Regex(@"^contents$"), Section.Contents, false),
        (new Regex(@"^(section 2:? )?(the )?(review of )?(the )?effectiveness of (the )?(local safeguarding children board|lscb)"), Section.Lscb, false),
        (new Regex(@"^(the )?local safeguarding children board( \(lscb\))?( is| requires| inadequate|$)"), Section.Lscb, false),
        (new Regex(@"^(inspection judge?ment about the lscb|what does the lscb need to improve|what the inspection judge?ments mean: the lscb)"), Section.Lscb, false),
        (new Regex(@"^(summary of key findings|executive summary|summary of findings|summary for children and young people|the local authority's strengths|the local authority has the following strengths|overall effectiveness of services|overall effectiveness$)"), Section.Summary, false),
        (new Regex(@"^(what needs to improve|what does the local authority need to improve|areas for improvement|priority and immediate action|recommendations$)"), Section.Improvements, false),
        (new Regex(@"^(the )?experiences? and progress of children (who need|in need of) help"), Section.HelpAndProtection, false),
        (new Regex(@"^(\d\. )?children who need help and protection$"), Section.HelpAndProtection, true),
        (new Regex(@"^(the )?experiences? and progress of children care leavers"), Section.CareLeavers, false),
        (new Regex(@"^(the )?experiences? and progress of children (in care|looked after)"), Section.ChildrenInCare, false),
        (new Regex(@"^(\d\. )?children looked after and achieving( permanence\b.*)?$"), Section.ChildrenInCare, true),
        (new Regex(@"^the graded judge?ment (for|about) (the )?adoption performance"), Section.Adoption, false),
        (new Regex(@"^(\d\.\d )?adoption performance"), Section.Adoption, true),
        (new Regex(@"^the graded judge?ment (for|about) (the )?experiences? and progress of care leavers"), Section.CareLeavers, false),
        (new Regex(@"^(the )?experiences? and progress of care leavers"), Section.CareLeavers, false),
        (new Regex(@"^(the )?impact of leaders\b"), Section.Leadership, false),
        (new Regex(@"^(\d\. )?leadership,? management and( governance\b.*)?$"), Section.Leadership, true),
        (new Regex(@"^leadership and management$"), Section.Leadership, true),
        (new Regex(@"^(information about (this|the local authority) (inspection|local authority area)|about this inspection|what the (local authority )?inspection judge?ments mean|the inspection team|inspection judge?ments about the local authority|capacity to improve|outcomes for looked after children|quality of provision|record of main findings|other ofsted inspections|other information about this area|progress since the last inspection)"), Section.Other, false),
    ];

    /// <summary>The publisher's back page starts with one of these, whatever the paragraph's length.</summary>
    private static readonly Regex BackPage = new(@"^(any complaints about the inspection or the report|if you would like a copy of this document in a different format|you may (reuse|copy) (this information|all or parts of this document)|the office for standards in education, children's services and skills \(ofsted\) regulates|© crown copyright|piccadilly gate)");

    public void Process(Document document, CancellationToken cancellationToken)
    {
        if (document.Facts.InspectionType.IsLetter())
        {
            LetterSectionDetector.Instance.Process(document, cancellationToken);
            return;
        }
        var paragraphs = document.Paragraphs;
        var framework = document.Facts.Framework;
        var current = new SectionSpan(0, Section.Front, "", null, 0);
        document.Sections.Add(current);
        var contentsPage = -1;

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i].Source;
            Section? start = null;
            if (current.Section == Section.Front)
            {
                if (EndsFront(framework, paragraph)) start = paragraph.FirstPage == 1 ? Section.Summary : Classify(paragraph, current.Section) ?? Section.Other;
            }
            else if (current.Section == Section.Contents)
            {
                // The rest of the contents page is contents; the report's own text resumes on the next page.
                start = paragraph.FirstPage == contentsPage ? null : Classify(paragraph, current.Section) ?? Section.Other;
            }
            else
            {
                start = Classify(paragraph, current.Section);
                if (current.Section == Section.Lscb && start is Section.Summary or Section.Improvements or Section.Lscb) start = null;
                if (current.Section == Section.Back) start = null; // nothing follows the publisher's back page
                if (start == current.Section && start != Section.Contents) start = null; // a heading repeated on a new page
            }

            if (start is { } section)
            {
                current.LastParagraph = i - 1;
                current = new SectionSpan(document.Sections.Count, section, paragraph.Text, HeadingGrade(paragraph.Text), i);
                document.Sections.Add(current);
                if (section == Section.Contents) contentsPage = paragraph.FirstPage;
            }
            paragraphs[i].SectionIndex = current.Index;
        }
        current.LastParagraph = paragraphs.Count - 1;
    }

    /// <summary>
    /// ILACS front pages run straight into the summary prose after the table; SIF and earlier front pages are
    /// front matter to the end of page 1 (or, before 2013, to the contents page).
    /// </summary>
    private static bool EndsFront(Framework framework, Paragraph paragraph)
    {
        if (framework is Framework.Ilacs or Framework.Ilacs2026)
            return paragraph.FirstPage > 1 || (paragraph.Kind == ParagraphKind.Body && WordCount(paragraph.Text) >= SummaryMinWords);
        if (framework == Framework.Pre2013)
            return paragraph.FirstPage > 1 && Classify(paragraph, Section.Front) is not null;
        return paragraph.FirstPage > 1;
    }

    /// <summary>The section a paragraph starts, or null when it is not a section start.</summary>
    public static Section? Classify(Paragraph paragraph, Section current)
    {
        var normalised = JudgementLabels.Normalise(paragraph.Text);
        if (BackPage.IsMatch(normalised)) return Section.Back;
        if (paragraph.Kind is ParagraphKind.Numbered or ParagraphKind.Bullet) return null;
        if (paragraph.Kind == ParagraphKind.Body && WordCount(paragraph.Text) > MaxStartWords) return null;
        var text = StripGrades(normalised);
        var graded = text.Length != normalised.Length || GradeNames.GradeInText().IsMatch(normalised);
        foreach (var (pattern, section, weak) in Starts)
        {
            if (!pattern.IsMatch(text)) continue;
            if (weak && !graded && current is Section.Summary or Section.Improvements) return null;
            return section;
        }
        return null;
    }

    private static Grade? HeadingGrade(string heading)
    {
        var match = GradeNames.GradeInText().Matches(heading);
        return match.Count == 0 ? null : GradeNames.FromWord(match[^1].Value);
    }

    /// <summary>Removes grade phrases, which SIF key-judgement rows print inside the label ("... children Requires improvement who need ...").</summary>
    private static string StripGrades(string text) =>
        string.Join(' ', GradePhrase().Replace(text, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\b(requires improvement( to be good)?|outstanding|inadequate)\b|(?<=\s)good\b(?=\s)")]
    private static partial Regex GradePhrase();
}
