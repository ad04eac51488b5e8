using System.Text.Json;
using JudgementMiner.Output;

namespace JudgementMiner.Tests.Refresh;

/// <summary>
/// A dataset's rows as canonical JSON lines, for comparing two runs: every column of every row, in file order.
/// Run-time metadata (run time, generation) lives in the files' metadata, not in rows, so it is not compared.
/// </summary>
public sealed record DatasetSnapshot(IReadOnlyList<string> Reports, IReadOnlyList<string> Extracts)
{
    public static async Task<DatasetSnapshot> ReadAsync(string directory) => new(
        (await DatasetWriter.ReadReportsAsync(directory)).Select(r => JsonSerializer.Serialize(r)).ToList(),
        (await DatasetWriter.ReadExtractsAsync(directory)).Select(e => JsonSerializer.Serialize(e)).ToList());

    /// <summary>Asserts equality with a message that shows the first differing row rather than two huge lists.</summary>
    public void AssertEqual(DatasetSnapshot expected, string because)
    {
        AssertSame(expected.Reports, Reports, "reports", because);
        AssertSame(expected.Extracts, Extracts, "extracts", because);
    }

    private static void AssertSame(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string file, string because)
    {
        Assert.True(expected.Count == actual.Count, $"{because}: {file} has {actual.Count} rows, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == actual[i], $"{because}: {file} row {i} differs\nexpected {expected[i]}\nactual   {actual[i]}");
    }
}
