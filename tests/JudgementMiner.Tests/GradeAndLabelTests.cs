using JudgementMiner.Ingestion.Facts;

namespace JudgementMiner.Tests;

public class GradeNamesTests
{
    [Theory]
    [InlineData("Outstanding", Grade.Outstanding)]
    [InlineData("Good", Grade.Good)]
    [InlineData("good.", Grade.Good)]
    [InlineData(" Good ", Grade.Good)]
    [InlineData("Requires improvement to be good", Grade.RequiresImprovement)]
    [InlineData("Requires Improvement to be good", Grade.RequiresImprovement)]
    [InlineData("requires improvement to be good", Grade.RequiresImprovement)]
    [InlineData("Requires improvement", Grade.RequiresImprovement)]
    [InlineData("requires improvement", Grade.RequiresImprovement)]
    [InlineData("Require improvement", Grade.RequiresImprovement)]
    [InlineData("Requires  improvement  to be good", Grade.RequiresImprovement)]
    [InlineData("Inadequate", Grade.Inadequate)]
    [InlineData("inadequate", Grade.Inadequate)]
    [InlineData("Adequate", Grade.Adequate)]
    public void ParsePrinted_reads_each_printed_grade(string text, Grade expected)
    {
        Assert.Equal(expected, GradeNames.ParsePrinted(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Not judged")]
    [InlineData("Not Judged")]
    [InlineData("Overall effectiveness")]
    [InlineData("Judgement Grade")]
    [InlineData("Goodwill")]
    [InlineData("Children’s services in Peterborough require improvement to be good")]
    public void ParsePrinted_rejects_what_is_not_exactly_a_grade(string text)
    {
        Assert.Null(GradeNames.ParsePrinted(text));
    }

    [Fact]
    public void Canonical_names_round_trip()
    {
        foreach (var grade in Enum.GetValues<Grade>())
            Assert.Equal(grade, GradeNames.ParseCanonical(grade.Canonical()));
        Assert.Null(GradeNames.ParseCanonical(""));
        Assert.Null(GradeNames.ParseCanonical("Good"));
    }
}

/// <summary>Every table row label and heading listed in survey §6 maps to its judgement.</summary>
public class JudgementLabelsTests
{
    [Theory]
    // ILACS / ILACS 2026 table rows
    [InlineData("Overall effectiveness", Judgement.OverallEffectiveness)]
    [InlineData("Overall effectiveness Requires improvement to", Judgement.OverallEffectiveness)]
    [InlineData("The impact of leaders on social work practice with children and families", Judgement.Leadership)]
    [InlineData("The impact of leaders on social work practice with children and families.", Judgement.Leadership)]
    [InlineData("The impact of leaders on practice with children and families", Judgement.Leadership)]
    [InlineData("The experiences and progress of children who need help and protection", Judgement.HelpAndProtection)]
    [InlineData("The experiences and progress of children in care and care leavers", Judgement.ChildrenInCare)]
    [InlineData("The experiences and progress of children in care", Judgement.ChildrenInCare)]
    [InlineData("The experiences and progress of care leavers", Judgement.CareLeavers)]
    [InlineData("The experiences and progress of children care leavers", Judgement.CareLeavers)]
    [InlineData("The experiences and progress of children in care and care\nleavers", Judgement.ChildrenInCare)]
    // SIF table rows
    [InlineData("1. Children who need help and protection", Judgement.HelpAndProtection)]
    [InlineData("2. Children looked after and achieving permanence", Judgement.ChildrenInCare)]
    [InlineData("2. Children looked after and achieving", Judgement.ChildrenInCare)]
    [InlineData("2.1 Adoption performance", Judgement.Adoption)]
    [InlineData("2.2 Experiences and progress of care leavers", Judgement.CareLeavers)]
    [InlineData("2.2 Experiences and progress of Care Leavers", Judgement.CareLeavers)]
    [InlineData("3. Leadership, management and governance", Judgement.Leadership)]
    [InlineData("1. Leadership, management and governance", Judgement.Leadership)]
    // SIF LSCB
    [InlineData("The effectiveness of the Local Safeguarding Children Board (LSCB) is", Judgement.Lscb)]
    [InlineData("Review of the effectiveness of the Local Safeguarding Children Board", Judgement.Lscb)]
    [InlineData("The Local Safeguarding Children Board", Judgement.Lscb)]
    [InlineData("Review of the effectiveness of the local safeguarding children board", Judgement.Lscb)]
    // Body section headings
    [InlineData("The experiences and progress of children looked after and achieving permanence", Judgement.ChildrenInCare)]
    [InlineData("The impact of leaders on social work practice with children and families: good", Judgement.Leadership)]
    // pre2013 record of main findings
    [InlineData("Overall effectiveness of services for looked after children and young people", Judgement.OverallEffectiveness)]
    public void Match_maps_printed_labels(string label, Judgement expected)
    {
        Assert.Equal(expected, JudgementLabels.Match(label));
    }

    [Theory]
    [InlineData("Judgement Grade")]
    [InlineData("Capacity to improve")]
    [InlineData("Quality of provision")]
    [InlineData("What needs to improve?")]
    public void Match_gives_none_for_labels_that_name_no_judgement_column(string label)
    {
        Assert.Null(JudgementLabels.Match(label));
    }
}
