using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Models;

public class StageInputsTests
{
    [Fact]
    public void The_previous_sentence_is_taken_within_one_paragraph_of_one_report()
    {
        ExtractRow Row(string report, int paragraph, string text) => new() { ReportId = report, ParagraphIndex = paragraph, Text = text };
        var rows = new List<ExtractRow>
        {
            Row("a", 0, "First."), Row("a", 0, "Second."), Row("a", 1, "New paragraph."), Row("b", 1, "Other report."),
        };
        Assert.Equal("", StageInputs.PreviousInParagraph(rows, 0));
        Assert.Equal("First.", StageInputs.PreviousInParagraph(rows, 1));
        Assert.Equal("", StageInputs.PreviousInParagraph(rows, 2));
        Assert.Equal("", StageInputs.PreviousInParagraph(rows, 3)); // same paragraph number, another report
    }
}
