using JudgementMiner.Evaluation;
using JudgementMiner.Nlp;

namespace JudgementMiner.Tests.Nlp;

/// <summary>The splitter on sentences taken from the corpus, one hard case each, and on the whole hand-split gold set.</summary>
public class SentenceSplitterTests
{
    private static List<string> Split(string text) => SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    [Theory]
    // Abbreviations inside a sentence.
    [InlineData("Partners, e.g. health and police, attend the MASH. Decisions are timely.", 2)]
    [InlineData("The service, i.e. the front door, is effective. Managers know this.", 2)]
    [InlineData("Cllr. Smith chairs the corporate parenting board. Members are well informed.", 2)]
    [InlineData("The lead member visits teams, attends panels, etc. and knows the service well.", 1)]
    [InlineData("There are approx. 400 children in care. Most live locally.", 2)]
    [InlineData("Inspectors reviewed No. 5 of the audit series. It was thorough.", 2)]
    // Initials, decimals and percentages.
    [InlineData("The report by J. Smith was presented to members. It was well received.", 2)]
    [InlineData("Only 54.5% of assessments were completed within 45 working days. This is too slow.", 2)]
    [InlineData("A rate of 46.2 per 10,000 children is below the national average.", 1)]
    // Quotations, question marks and closing quotes.
    [InlineData("Leaders asked ‘would it be good enough for my child?’ All staff share this ambition.", 2)]
    [InlineData("Staff describe the culture as ‘supportive and challenging’. Morale is high.", 2)]
    // A colon introduces a list; a list number does not end a sentence.
    [InlineData("The local authority should: improve plans; ensure supervision; and strengthen audits.", 1)]
    [InlineData("1. Ensure that each care leaver has a pathway plan.", 1)]
    // A bracketed tag after the stop stays with its sentence.
    [InlineData("Ensure that plans are reviewed within timescales. (Recommendation)", 1)]
    [InlineData("The timeliness of assessments. (outcome 3, national framework) Leaders know this.", 2)]
    // "etc." at the end of a sentence ends it.
    [InlineData("Staff use genograms, chronologies, ecomaps etc. The quality of this work is good.", 2)]
    public void Splits_hard_cases_as_a_reader_would(string text, int expected)
    {
        var sentences = Split(text);
        Assert.True(expected == sentences.Count, $"expected {expected} sentences, got {sentences.Count}: [{string.Join("] [", sentences)}]");
    }

    [Fact]
    public void Sentences_cover_the_paragraph_in_order_without_overlap()
    {
        const string text = "Children in Dorset receive exceptional services. Since the previous inspection in 2021, senior leaders have strengthened services. Leaders know their services well.";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(3, spans.Count);
        for (var i = 1; i < spans.Count; i++) Assert.True(spans[i].Start > spans[i - 1].Start + spans[i - 1].Length);
        Assert.Equal(text, string.Join(" ", spans.Select(s => text.Substring(s.Start, s.Length))));
    }

    [Fact]
    public void Gold_set_boundary_f1_is_at_least_099()
    {
        var gold = SegmentationGold.LoadParagraphs(Path.Combine(Fixtures.RepoRoot, "data", "gold"));
        Assert.True(gold.Count >= 300, $"the gold set has {gold.Count} paragraphs");
        var scores = SegmentationEvaluator.ScoreSentences(gold);
        Assert.True(scores.F1 >= 0.99, $"F1 {scores.F1:0.0000}: " + string.Join(" | ", scores.Misses.Take(5).Select(m => m.Context)));
    }
}
