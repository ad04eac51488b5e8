using JudgementMiner.Nlp;

namespace JudgementMiner.Tests.Nlp;

public class TokenizerTests
{
    [Fact]
    public void Keeps_hyphenated_words_possessives_and_numbers_whole()
    {
        var tokens = Tokenizer.Tokens("Well-established leaders’ oversight improved 54.5% of children’s plans (1,200).").ToList();
        Assert.Equal(["Well-established", "leaders", "’", "oversight", "improved", "54.5%", "of", "children’s", "plans", "(", "1,200", ")", "."], tokens);
    }

    [Fact]
    public void Token_offsets_point_into_the_document_text()
    {
        var report = Fixtures.Ingest(Fixtures.SamplePdfs.First(p => p.Contains("newham")));
        var document = NlpPipeline.Default.Run(report.Text!, report.Facts!);
        Assert.NotEmpty(document.Tokens);
        foreach (var sentence in document.Sentences.Take(200))
        {
            var sentenceText = document.TextOf(sentence);
            var rebuilt = string.Concat(document.Tokens.Skip(sentence.FirstToken).Take(sentence.TokenCount)
                .Select(t => document.Text.Substring(t.Start, t.Length)));
            Assert.Equal(new string(sentenceText.Where(c => !char.IsWhiteSpace(c)).ToArray()), rebuilt);
        }
    }
}
