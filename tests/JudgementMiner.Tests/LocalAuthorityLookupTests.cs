using JudgementMiner.Ingestion.Facts;

namespace JudgementMiner.Tests;

public class LocalAuthorityLookupTests
{
    private static readonly LocalAuthorityLookup Lookup = LocalAuthorityLookup.Shipped;

    [Theory]
    [InlineData("Warrington Borough Council", "877")]
    [InlineData("London Borough of Barnet", "302")]
    [InlineData("Bournemouth, Christchurch and Poole", "839")]
    [InlineData("Bournemouth, Christchurch & Poole", "839")]
    [InlineData("Medway Council", "887")]
    [InlineData("Medway Children’s Services", "887")]
    [InlineData("Medway", "887")]
    [InlineData("London Borough of Newham", "316")]
    [InlineData("Bath and North East Somerset", "800")]
    [InlineData("Somerset Council", "933")]
    [InlineData("North Somerset Council", "802")]
    [InlineData("Peterborough City Council", "874")]
    [InlineData("the Royal Borough of Kensington and Chelsea", "207")]
    [InlineData("Bristol City of", "801")]
    [InlineData("City of London", "201")]
    [InlineData("Kingston upon Hull City Council", "810")]
    public void Match_finds_the_printed_authority(string printed, string laCode)
    {
        var match = Lookup.Match(printed);
        Assert.NotNull(match);
        Assert.Equal(laCode, match.LaCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Atlantis Borough Council")]
    public void Match_gives_none_for_unknown_names(string? printed)
    {
        Assert.Null(Lookup.Match(printed));
    }

    [Theory]
    [InlineData("Warrington Borough Council", "warrington")]
    [InlineData("London Borough of Barnet", "barnet")]
    [InlineData("Bournemouth, Christchurch & Poole", "bournemouth christchurch and poole")]
    [InlineData("Bournemouth, Christchurch and Poole", "bournemouth christchurch and poole")]
    [InlineData("Medway Children’s Services", "medway")]
    [InlineData("Medway Children's Services", "medway")]
    [InlineData("the Royal Borough of Kensington and Chelsea", "kensington and chelsea")]
    [InlineData("  Tameside   metropolitan borough ", "tameside")]
    [InlineData("Southend-on-Sea city council", "southend on sea")]
    public void Fold_removes_case_punctuation_and_council_words(string name, string folded)
    {
        Assert.Equal(folded, LocalAuthorityLookup.Fold(name));
    }

    [Fact]
    public void Every_sample_report_authority_is_in_the_lookup()
    {
        foreach (var row in Fixtures.TruthRows.Where(r => r.Fields["local_authority"] != ""))
            Assert.True(Lookup.Match(row.Fields["local_authority"]) is not null, $"no lookup match for '{row.Fields["local_authority"]}'");
    }
}
