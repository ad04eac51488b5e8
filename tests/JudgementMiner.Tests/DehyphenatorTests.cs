using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Tests;

public class DehyphenatorTests
{
    private static Dehyphenator With(params string[] vocabulary) => new([.. vocabulary]);

    [Theory]
    [InlineData("the quality of assess-", "ment is good", "the quality of assessment is good")]
    [InlineData("the assess-", "ments were thorough", "the assessments were thorough")]
    [InlineData("prompt assess-", "ment.", "prompt assessment.")]
    [InlineData("their effective-", "ness is clear", "their effectiveness is clear")]
    public void A_word_split_before_a_suffix_is_joined(string before, string after, string expected)
    {
        Assert.Equal(expected, With().Join(before, after));
    }

    [Theory]
    [InlineData("a well-", "established team", "a well-established team")]
    [InlineData("more multi-", "agency work", "more multi-agency work")]
    [InlineData("their day-to-", "day practice", "their day-to-day practice")]
    public void A_compound_keeps_its_hyphen(string before, string after, string expected)
    {
        Assert.Equal(expected, With().Join(before, after));
    }

    [Fact]
    public void The_reports_own_vocabulary_wins()
    {
        // "ordinated" is not a suffix, so without evidence the hyphen stays ...
        Assert.Equal("well co-ordinated work", With().Join("well co-", "ordinated work"));
        // ... but a report that writes "coordinated" elsewhere gets it joined,
        Assert.Equal("well coordinated work", With("coordinated").Join("well co-", "ordinated work"));
        // and one that writes "well-being" keeps the compound where "being" alone would be ambiguous.
        Assert.Equal("their well-being.", With("well-being").Join("their well-", "being."));
        Assert.Equal("their wellbeing.", With("wellbeing").Join("their well-", "being."));
        // Evidence of the hyphenated form beats the suffix rule.
        Assert.Equal("re-able", With("re-able").Join("re-", "able"));
    }

    [Theory]
    [InlineData("assess-", "ment", true)]
    [InlineData("well-", "established", true)]
    [InlineData("assess-", "Ment", false)]
    [InlineData("12-", "month plan", false)]
    [InlineData("a -", "b", false)]
    [InlineData("assess", "ment", false)]
    [InlineData("assess-", "", false)]
    public void IsBrokenWord_needs_a_letter_hyphen_and_a_lower_case_start(string before, string after, bool expected)
    {
        Assert.Equal(expected, Dehyphenator.IsBrokenWord(before, after));
    }
}
