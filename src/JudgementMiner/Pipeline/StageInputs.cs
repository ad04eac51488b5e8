using JudgementMiner.Grading;
using JudgementMiner.Models;
using JudgementMiner.Nlp;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>
/// What the tagger and the report predictor read, taken from the <see cref="Document"/> of a file read now, or from
/// carried rows when new models re-tag a dataset without reading its PDFs again (the one case with no document:
/// there the rows, in report and sentence order, are the text).
/// </summary>
public static class StageInputs
{
    /// <summary>Each sentence with its section and the sentence before it in its paragraph.</summary>
    public static IReadOnlyList<SentenceInput> Sentences(Document document)
    {
        var inputs = new SentenceInput[document.Sentences.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var sentence = document.Sentences[i];
            var previous = i > 0 && document.Sentences[i - 1].ParagraphIndex == sentence.ParagraphIndex ? document.TextOf(document.Sentences[i - 1]) : "";
            inputs[i] = SentenceInput.From(document.TextOf(sentence), document.SectionOf(sentence).Section.Canonical(), previous);
        }
        return inputs;
    }

    /// <summary>The same from one report's carried extract rows.</summary>
    public static IReadOnlyList<SentenceInput> Sentences(IReadOnlyList<ExtractRow> extracts)
    {
        var inputs = new SentenceInput[extracts.Count];
        for (var i = 0; i < inputs.Length; i++)
            inputs[i] = SentenceInput.From(extracts[i].Text, extracts[i].Section, PreviousInParagraph(extracts, i));
        return inputs;
    }

    /// <summary>The text of the sentence before row <paramref name="i"/> in the same paragraph of the same report, or "".</summary>
    public static string PreviousInParagraph(IReadOnlyList<ExtractRow> extracts, int i) =>
        i > 0 && extracts[i - 1].ReportId == extracts[i].ReportId && extracts[i - 1].ParagraphIndex == extracts[i].ParagraphIndex
            ? extracts[i - 1].Text
            : "";

    /// <summary>The leadership section's sentences with the stances the tagger gave them.</summary>
    public static IReadOnlyList<StancedSentence> LeadershipSection(Document document, IReadOnlyList<SentenceTags>? tags)
    {
        var section = new List<StancedSentence>();
        for (var i = 0; i < document.Sentences.Count; i++)
            if (document.SectionOf(document.Sentences[i]).Section == Section.Leadership)
                section.Add(new StancedSentence(document.TextOf(document.Sentences[i]), tags?[i].Stance));
        return section;
    }

    /// <summary>The same from carried rows and their new tags.</summary>
    public static IReadOnlyList<StancedSentence> LeadershipSection(IReadOnlyList<ExtractRow> extracts, IReadOnlyList<SentenceTags>? tags)
    {
        var section = new List<StancedSentence>();
        for (var i = 0; i < extracts.Count; i++)
            if (extracts[i].Section == LeadershipText.LeadershipSection)
                section.Add(new StancedSentence(extracts[i].Text, tags is null ? extracts[i].Stance : tags[i].Stance));
        return section;
    }

    public static ReportIdentity Identity(ReportRow report) =>
        new(report.ReportId, report.FileSha256, report.LocalAuthority, report.LaCode, report.GradeLeadership);
}
