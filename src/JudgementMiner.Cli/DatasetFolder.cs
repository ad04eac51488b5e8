using JudgementMiner.Output;

namespace JudgementMiner.Cli;

/// <summary>How every command that reads a dataset opens it, with the one error message users see.</summary>
internal static class DatasetFolder
{
    /// <summary>The opened and checked dataset, or null after writing why to standard error (the caller exits with a usage error).</summary>
    public static async Task<Dataset?> OpenAsync(string datasetPath, CancellationToken cancellationToken)
    {
        try
        {
            return await Dataset.OpenAsync(datasetPath, cancellationToken);
        }
        catch (DatasetOpenException e)
        {
            Report(e);
            return null;
        }
    }

    /// <summary>
    /// The dataset's report and extract rows, both from one generation, or null after writing why to standard error
    /// (the caller exits with a usage error).
    /// </summary>
    public static async Task<(IReadOnlyList<ReportRow> Reports, IReadOnlyList<ExtractRow> Extracts)?> ReadAllAsync(string datasetPath,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(datasetPath, cancellationToken);
        if (opened is null) return null;
        try
        {
            return (await opened.ReadReportsAsync(cancellationToken), await opened.ReadExtractsAsync(cancellationToken));
        }
        catch (DatasetOpenException e)
        {
            Report(e);
            return null;
        }
    }

    /// <summary>Writes a dataset error (from opening it or from a later read) as the commands print it.</summary>
    public static void Report(DatasetOpenException e) => Console.Error.WriteLine($"error: {e.Message}");
}
