using JudgementMiner.Grading;

namespace JudgementMiner.Tests.Grading;

public class GradeStatementFilterTests
{
    [Theory]
    [InlineData("The impact of leaders on social work practice with children and families: requires improvement to be good")]
    [InlineData("The impact of leaders on social work practice with children and families: good")]
    [InlineData("Leadership, management and governance are good")]
    [InlineData("Leadership, management and Good governance")]
    [InlineData("Children’s services was last inspected in June 2018 and judged to be requires improvement to be good.")]
    [InlineData("Partnership working is good, both at strategic and operational levels.")]
    [InlineData("The quality of practice remains consistently good.")]
    [InlineData("Leaders were determined to take the service from inadequate to outstanding.")]
    [InlineData("This means that the message about ‘getting to good’ is not being reinforced in supervision.")]
    [InlineData("At the last inspection, the overall effectiveness of services was judged to be adequate.")]
    public void Grade_statements_are_removed(string sentence) => Assert.True(GradeStatementFilter.StatesGrade(sentence));

    [Theory]
    [InlineData("Recent audits show that, overall, there are good examples of effective inter-agency working.")]
    [InlineData("Leaders and managers have a good understanding of the priority areas for improvement and have clear plans.")]
    [InlineData("In the main, children requiring help and protection receive a good service.")]
    [InlineData("Senior leaders have not ensured that management oversight is consistently effective.")]
    [InlineData("The corporate parenting panel is well attended and challenges officers robustly.")]
    public void Evaluative_language_without_a_grade_stays(string sentence) => Assert.False(GradeStatementFilter.StatesGrade(sentence));
}
