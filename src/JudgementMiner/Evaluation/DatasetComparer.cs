using System.Text.Json;
using JudgementMiner.Output;

namespace JudgementMiner.Evaluation;

/// <summary>One row that differs between two datasets: which file, which row, and both versions as JSON.</summary>
public sealed record DatasetDifference(string File, int Row, string? Expected, string? Actual);

/// <summary>
/// Compares the rows of two datasets, every column of every row in file order (run-time metadata such as the run
/// time and generation lives in the files' metadata, not in rows, and is not compared). Used to check that an
/// incremental run wrote exactly what a full run writes, and that runs are deterministic.
/// </summary>
public static class DatasetComparer
{
    /// <exception cref="DatasetOpenException">Either folder is not a readable dataset.</exception>
    public static async Task<IReadOnlyList<DatasetDifference>> CompareAsync(string expectedDirectory, string actualDirectory, int maxDifferences = 20,
        CancellationToken cancellationToken = default)
    {
        var expected = await Dataset.OpenAsync(expectedDirectory, cancellationToken);
        var actual = await Dataset.OpenAsync(actualDirectory, cancellationToken);
        var differences = new List<DatasetDifference>();
        Compare(Path.GetFileName(expected.ReportsPath), await expected.ReadReportsAsync(cancellationToken),
            await actual.ReadReportsAsync(cancellationToken), differences, maxDifferences);
        Compare(Path.GetFileName(expected.ExtractsPath), await expected.ReadExtractsAsync(cancellationToken),
            await actual.ReadExtractsAsync(cancellationToken), differences, maxDifferences);
        return differences;
    }

    private static void Compare<T>(string file, IReadOnlyList<T> expected, IReadOnlyList<T> actual, List<DatasetDifference> differences, int maxDifferences)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count) && differences.Count < maxDifferences; i++)
        {
            var e = i < expected.Count ? JsonSerializer.Serialize(expected[i]) : null;
            var a = i < actual.Count ? JsonSerializer.Serialize(actual[i]) : null;
            if (e != a) differences.Add(new DatasetDifference(file, i, e, a));
        }
    }
}
