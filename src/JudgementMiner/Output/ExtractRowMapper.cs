using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Nlp;

namespace JudgementMiner.Output;

/// <summary>Turns a processed document into its <see cref="ExtractRow"/>s, one per sentence.</summary>
public static class ExtractRowMapper
{
    public static IReadOnlyList<ExtractRow> Map(Document document, ReportRow report)
    {
        var rows = new List<ExtractRow>(document.Sentences.Count);
        var positionInParagraph = 0;
        var lastParagraph = -1;
        foreach (var sentence in document.Sentences)
        {
            positionInParagraph = sentence.ParagraphIndex == lastParagraph ? positionInParagraph + 1 : 1;
            lastParagraph = sentence.ParagraphIndex;
            var paragraph = document.Paragraphs[sentence.ParagraphIndex];
            var section = document.SectionOf(sentence);
            rows.Add(new ExtractRow
            {
                ReportId = report.ReportId,
                ExtractId = $"{report.ReportId}-{sentence.Index:D5}",
                LocalAuthority = report.LocalAuthority,
                PublicationDate = report.PublicationDate,
                Framework = report.Framework,
                Section = section.Section.Canonical(),
                SectionHeading = section.Heading,
                SectionGrade = (section.Grade ?? GradeOfSection(document.Facts, section.Section))?.Canonical(),
                Page = sentence.Page,
                Paragraph = int.TryParse(paragraph.Source.Number, out var number) ? number : null,
                ParagraphIndex = paragraph.Index,
                Sentence = positionInParagraph,
                Text = document.TextOf(sentence),
                IsLeadershipExtract = sentence.IsLeadershipExtract,
                GradeLeadership = report.GradeLeadership,
                GradeOverallEffectiveness = report.GradeOverallEffectiveness,
            });
        }
        return rows;
    }

    /// <summary>The report's grade for the judgement a section is about, when the heading does not print it.</summary>
    private static Grade? GradeOfSection(ReportFacts facts, Section section) => section switch
    {
        Section.Summary => facts.GradeOf(Judgement.OverallEffectiveness),
        Section.Leadership => facts.GradeOf(Judgement.Leadership),
        Section.HelpAndProtection => facts.GradeOf(Judgement.HelpAndProtection),
        Section.ChildrenInCare => facts.GradeOf(Judgement.ChildrenInCare),
        Section.CareLeavers => facts.GradeOf(Judgement.CareLeavers),
        Section.Adoption => facts.GradeOf(Judgement.Adoption),
        Section.Lscb => facts.GradeOf(Judgement.Lscb),
        _ => null,
    };
}
