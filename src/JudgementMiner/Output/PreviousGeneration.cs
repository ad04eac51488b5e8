using Parquet;

namespace JudgementMiner.Output;

/// <summary>
/// A generation folder's two files opened for carrying rows into the next generation: every report row (they are few)
/// and where each report's extract rows are, without reading the extracts. Extracts are in report order and each ok
/// report owns <c>sentence_count</c> consecutive rows (other reports none), so a report's rows are found by position:
/// two files with the same content share a report id, and each owns its own rows.
/// </summary>
public sealed class PreviousGeneration : IAsyncDisposable
{
    private readonly long[] _firstRow;
    private readonly long[] _groupStart;

    private PreviousGeneration(string directory, IReadOnlyList<ReportRow> reports, long[] firstRow, Stream stream, ParquetReader extracts, long[] groupStart)
    {
        Directory = directory;
        Reports = reports;
        _firstRow = firstRow;
        ExtractsStream = stream;
        Extracts = extracts;
        _groupStart = groupStart;
    }

    public string Directory { get; }

    /// <summary>Every report row, in file order.</summary>
    public IReadOnlyList<ReportRow> Reports { get; }

    /// <summary>Rows of <c>extracts.parquet</c>.</summary>
    public long ExtractRowCount => _firstRow[^1];

    internal Stream ExtractsStream { get; }

    internal ParquetReader Extracts { get; }

    internal int RowGroupCount => _groupStart.Length - 1;

    /// <summary>The first extract row of report <paramref name="reportIndex"/> (its position in the file).</summary>
    public long FirstExtractRow(int reportIndex) => _firstRow[reportIndex];

    /// <summary>How many extract rows report <paramref name="reportIndex"/> owns.</summary>
    public int ExtractRowCountOf(int reportIndex) => checked((int)(_firstRow[reportIndex + 1] - _firstRow[reportIndex]));

    internal long GroupStart(int group) => _groupStart[group];

    /// <summary>The row group holding extract row <paramref name="row"/>.</summary>
    internal int GroupOf(long row)
    {
        var index = Array.BinarySearch(_groupStart, row);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Opens a generation's <c>reports.parquet</c> and <c>extracts.parquet</c>, checked first by <see cref="Dataset"/>.</summary>
    /// <exception cref="InvalidDataException">The files do not fit together or do not have this version's columns.</exception>
    /// <exception cref="DatasetOpenException">The folder holds no readable, consistent dataset.</exception>
    public static Task<PreviousGeneration> OpenAsync(string directory, CancellationToken cancellationToken = default) =>
        OpenAsync(Dataset.Open(directory), cancellationToken);

    public static async Task<PreviousGeneration> OpenAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        var directory = dataset.Directory;
        var reports = (await dataset.ReadReportsAsync(cancellationToken)).ToList();
        var firstRow = new long[reports.Count + 1];
        for (var i = 0; i < reports.Count; i++)
            firstRow[i + 1] = firstRow[i] + (reports[i].IsOk ? Math.Max(0, reports[i].SentenceCount ?? 0) : 0);

        var path = Path.Combine(directory, DatasetSchema.ExtractsFile);
        var stream = File.OpenRead(path);
        try
        {
            var reader = await ParquetReader.CreateAsync(stream, GenerationWriter.ReadOptions, leaveStreamOpen: true, cancellationToken);
            try
            {
                RowLayout<ExtractRow>.Instance.Validate(reader.Schema, path);
                var groupStart = new long[reader.RowGroupCount + 1];
                for (var g = 0; g < reader.RowGroupCount; g++) groupStart[g + 1] = groupStart[g] + reader.OpenRowGroupReader(g).RowCount;
                if (groupStart[^1] != firstRow[^1])
                    throw new InvalidDataException(
                        $"{path} has {groupStart[^1]} rows but the sentence_count of the ok reports in {DatasetSchema.ReportsFile} adds up to {firstRow[^1]}; re-run with --full");
                return new PreviousGeneration(directory, reports, firstRow, stream, reader, groupStart);
            }
            catch
            {
                await reader.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Extracts.DisposeAsync();
        await ExtractsStream.DisposeAsync();
    }
}
