using JudgementMiner.Evaluation;

namespace JudgementMiner.Tests.Refresh;

/// <summary>Asserts that two datasets hold the same rows, showing the first differences rather than two huge lists.</summary>
public static class DatasetAssert
{
    public static async Task SameRowsAsync(string expectedDirectory, string actualDirectory, string because)
    {
        var differences = await DatasetComparer.CompareAsync(expectedDirectory, actualDirectory, maxDifferences: 3);
        Assert.True(differences.Count == 0, $"{because}: " + string.Join("\n", differences.Select(d =>
            $"{d.File} row {d.Row} differs\nexpected {d.Expected ?? "(no row)"}\nactual   {d.Actual ?? "(no row)"}")));
    }
}
