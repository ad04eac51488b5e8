using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Nlp;

/// <summary>The canonical sections of a report (the data contract's <c>section</c>), plus two that are never extracts.</summary>
public enum Section
{
    /// <summary>Page-1 front matter: title, dates, the judgement table. Not extracted.</summary>
    Front,

    /// <summary>A contents page. Not extracted.</summary>
    Contents,
    Summary,
    Improvements,
    HelpAndProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Leadership,
    Lscb,

    /// <summary>The body of a letter (focused visit, joint targeted area inspection, area SEND inspection).</summary>
    Findings,
    Other,

    /// <summary>The publisher's back page: licence, address, copyright. Not extracted.</summary>
    Back,
}

public static class SectionNames
{
    public static string Canonical(this Section section) => section switch
    {
        Section.Front => "front",
        Section.Contents => "contents",
        Section.Summary => "summary",
        Section.Improvements => "improvements",
        Section.HelpAndProtection => "help_and_protection",
        Section.ChildrenInCare => "children_in_care",
        Section.CareLeavers => "care_leavers",
        Section.Adoption => "adoption",
        Section.Leadership => "leadership",
        Section.Lscb => "lscb",
        Section.Findings => "findings",
        Section.Back => "back",
        _ => "other",
    };

    public static Section Parse(string name) =>
        Enum.GetValues<Section>().FirstOrDefault(s => s.Canonical() == name, Section.Other);

    /// <summary>Front matter, contents pages and the publisher's back page hold no extracts.</summary>
    public static bool IsExtracted(this Section section) => section is not (Section.Front or Section.Contents or Section.Back);
}

/// <summary>A paragraph of the document: a span of <see cref="Document.Text"/> with its source paragraph.</summary>
public sealed record ParagraphSpan(int Index, int Start, int Length, Paragraph Source)
{
    /// <summary>Filled by <see cref="SectionDetector"/>: the index into <see cref="Document.Sections"/>.</summary>
    public int SectionIndex { get; set; } = -1;
}

/// <summary>A section: the paragraphs from its first one up to the next section's first one.</summary>
public sealed record SectionSpan(int Index, Section Section, string Heading, Grade? Grade, int FirstParagraph)
{
    public int LastParagraph { get; set; }
}

/// <summary>A sentence: a span of the document text inside one paragraph.</summary>
public sealed record SentenceSpan(int Index, int ParagraphIndex, int Start, int Length, int Page)
{
    /// <summary>Filled by <see cref="LeadershipExtractSelector"/>.</summary>
    public bool IsLeadershipExtract { get; set; }
}

/// <summary>
/// One report as the NLP stage sees it, in Catalyst's shape: the text is held once, and paragraphs, sections
/// and sentences are spans over it, each layer added by one <see cref="IProcess"/> of the <see cref="NlpPipeline"/>.
/// </summary>
public sealed class Document
{
    /// <summary>Paragraphs are joined by this separator, so no sentence or token can cross two paragraphs.</summary>
    public const string ParagraphSeparator = "\n\n";

    public Document(ReportText text, ReportFacts facts)
    {
        Facts = facts;
        var builder = new System.Text.StringBuilder();
        var paragraphs = new List<ParagraphSpan>(text.Paragraphs.Count);
        foreach (var paragraph in text.Paragraphs)
        {
            if (builder.Length > 0) builder.Append(ParagraphSeparator);
            paragraphs.Add(new ParagraphSpan(paragraphs.Count, builder.Length, paragraph.Text.Length, paragraph));
            builder.Append(paragraph.Text);
        }
        Text = builder.ToString();
        Paragraphs = paragraphs;
    }

    public ReportFacts Facts { get; }

    public string Text { get; }

    public IReadOnlyList<ParagraphSpan> Paragraphs { get; }

    public List<SectionSpan> Sections { get; } = [];

    public List<SentenceSpan> Sentences { get; } = [];

    public string TextOf(ParagraphSpan paragraph) => Text.Substring(paragraph.Start, paragraph.Length);

    public string TextOf(SentenceSpan sentence) => Text.Substring(sentence.Start, sentence.Length);

    public SectionSpan SectionOf(SentenceSpan sentence) => Sections[Paragraphs[sentence.ParagraphIndex].SectionIndex];
}
