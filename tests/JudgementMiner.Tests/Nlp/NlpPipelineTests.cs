using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Nlp;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Nlp;

/// <summary>The NLP stage end to end on the real sample reports.</summary>
public class NlpPipelineTests
{
    public static TheoryData<string> ReadableSamples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixtures.SamplePdfs.Where(p => Fixtures.Ingest(p).Status == ReportStatus.Ok)) data.Add(path);
        return data;
    }

    private static Document Run(string path)
    {
        var report = Fixtures.Ingest(path);
        return NlpPipeline.Default.Run(report.Text!, report.Facts!);
    }

    [Fact]
    public void Processes_run_in_the_written_order()
    {
        Assert.Equal(["sections", "sentences", "leadership-extracts"], NlpPipeline.Default.Processes.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void Every_paragraph_has_a_section_and_sentences_stay_inside_their_paragraph(string path)
    {
        var document = Run(path);
        Assert.All(document.Paragraphs, p => Assert.InRange(p.SectionIndex, 0, document.Sections.Count - 1));
        foreach (var sentence in document.Sentences)
        {
            var paragraph = document.Paragraphs[sentence.ParagraphIndex];
            Assert.InRange(sentence.Start, paragraph.Start, paragraph.Start + paragraph.Length);
            Assert.True(sentence.Start + sentence.Length <= paragraph.Start + paragraph.Length);
            Assert.DoesNotContain("\n\n", document.TextOf(sentence));
        }
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void No_sentence_comes_from_the_front_page_the_contents_or_the_back_page(string path)
    {
        var document = Run(path);
        Assert.All(document.Sentences, s => Assert.True(document.SectionOf(s).Section.IsExtracted()));
        Assert.DoesNotContain(document.Sentences, s => document.TextOf(s).Contains("Crown copyright"));
        Assert.DoesNotContain(document.Sentences, s => document.TextOf(s).StartsWith("Inspection dates:"));
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void Reports_with_a_leadership_grade_have_a_leadership_section_carrying_it(string path)
    {
        var document = Run(path);
        var grade = document.Facts.GradeOf(Judgement.Leadership);
        if (grade is null) return; // the pre-2013 sample grades leadership only in other_judgements
        var leadership = document.Sections.Where(s => s.Section == Section.Leadership).ToList();
        Assert.NotEmpty(leadership);
        Assert.Contains(document.Sentences, s => document.SectionOf(s).Section == Section.Leadership);
        if (leadership[0].Grade is { } printed) Assert.Equal(grade, printed);
    }

    [Fact]
    public void Sif_sample_keeps_the_lscb_review_and_its_own_summary_in_the_lscb_section()
    {
        var document = Run(Fixtures.SamplePdfs.Single(p => p.Contains("peterborough")));
        var order = document.Sections.Select(s => s.Section).Distinct().ToList();
        Assert.True(order.IndexOf(Section.Summary) < order.IndexOf(Section.HelpAndProtection));
        Assert.True(order.IndexOf(Section.HelpAndProtection) < order.IndexOf(Section.Leadership));
        Assert.True(order.IndexOf(Section.Leadership) < order.IndexOf(Section.Lscb));
        Assert.Contains(Section.Contents, order);
        var lscbStart = document.Sections.First(s => s.Section == Section.Lscb).Index;
        var afterLscb = document.Sections.Skip(lscbStart).Select(s => s.Section).ToList();
        Assert.DoesNotContain(Section.Summary, afterLscb);
        Assert.DoesNotContain(Section.Improvements, afterLscb);
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void Leadership_extracts_are_the_leadership_section_plus_leadership_sentences_of_the_summary_and_letters(string path)
    {
        var document = Run(path);
        foreach (var sentence in document.Sentences)
        {
            var section = document.SectionOf(sentence).Section;
            if (section == Section.Leadership) Assert.True(sentence.IsLeadershipExtract);
            else if (section is not (Section.Summary or Section.Improvements or Section.Findings)) Assert.False(sentence.IsLeadershipExtract);
        }
        Assert.Contains(document.Sentences, s => s.IsLeadershipExtract && document.SectionOf(s).Section != Section.Leadership);
    }

    [Fact]
    public void The_leadership_rule_reads_the_subject_of_a_summary_sentence()
    {
        Assert.True(LeadershipExtractSelector.NamesLeadershipSubject("Elected members and senior leaders have a clear understanding of the service."));
        Assert.True(LeadershipExtractSelector.NamesLeadershipSubject("The corporate parenting board holds officers to account."));
        Assert.False(LeadershipExtractSelector.NamesLeadershipSubject("Children are seen alone and their wishes are recorded in assessments."));
    }

    [Fact]
    public void Report_processor_counts_sentences_and_gives_one_extract_row_per_sentence()
    {
        var path = Fixtures.SamplePdfs.Single(p => p.Contains("bath and north east somerset"));
        var processed = Fixtures.Rows(Fixtures.Ingest(path));
        Assert.Equal(processed.Report.SentenceCount, processed.Extracts.Count);
        Assert.True(processed.Extracts.Count > 100);
        Assert.Equal(processed.Extracts.Count, processed.Extracts.Select(e => e.ExtractId).Distinct().Count());
        Assert.All(processed.Extracts, e => Assert.Equal(processed.Report.ReportId, e.ReportId));
        Assert.Contains(processed.Extracts, e => e.Section == "leadership" && e.SectionGrade == processed.Report.GradeLeadership);
        Assert.Contains(processed.Extracts, e => e.Paragraph is not null);
    }
}
