using Parquet;
using Parquet.Schema;

namespace JudgementMiner.Output;

/// <summary>Rewrites one carried report: its row and its extract rows in, the rows to write out (used to re-tag with new models).</summary>
public delegate (ReportRow Report, IReadOnlyList<ExtractRow> Extracts) CarryTransform(ReportRow report, IReadOnlyList<ExtractRow> extracts);

/// <summary>
/// Writes one generation folder's <c>reports.parquet</c> and <c>extracts.parquet</c> as a stream of row groups
/// (<see cref="DatasetWriterOptions"/>), so memory is bounded by about one row group, not by the dataset. Reports
/// arrive in output order, each either freshly read (<see cref="AddAsync"/>) or carried from the previous generation
/// (<see cref="CarryAsync"/>). Carried extract rows are never built into objects unless a <see cref="CarryTransform"/>
/// asks for them: consecutive carried reports form one run of rows, and a run that covers a whole previous row group
/// copies it column by column (Parquet.Net has no raw column-chunk copy: each column is decoded into values and levels
/// and encoded again); only a group split by a new, changed or removed report is sliced. The files have exactly the
/// schema and metadata <see cref="ParquetSerializer"/> gave them before. Each file is written under a hidden temporary
/// name, flushed to disk and renamed at <see cref="CompleteAsync"/>; disposing without completing deletes them.
/// </summary>
public sealed class GenerationWriter : IAsyncDisposable
{
    // Parquet.Net keeps its pool of freed stream buffers unbounded unless told: bound it, so memory follows the row group.
    private const int PoolFreeBytes = 32 << 20;

    internal static ParquetOptions ReadOptions => new() { UseDateOnlyTypeForDates = true, MaximumSmallPoolFreeBytes = PoolFreeBytes, MaximumLargePoolFreeBytes = PoolFreeBytes };

    internal static ParquetOptions WriteOptions => new() { MaximumSmallPoolFreeBytes = PoolFreeBytes, MaximumLargePoolFreeBytes = PoolFreeBytes };

    private readonly DatasetWriterOptions _options;
    private readonly RowFile<ReportRow> _reports;
    private readonly RowFile<ExtractRow> _extracts;
    private PreviousGeneration? _previous;
    private int _lastCarried = -1;
    private long _runStart, _runEnd; // the carried extract rows not yet written: [start, end) of the previous file
    private int _cachedGroup = -1;
    private ColumnValues[]? _cached;
    private bool _completed;
    private readonly ExtractTally _tally = new();

    /// <summary>Previous row groups written whole, column by column (for tests and measurements).</summary>
    internal int CopiedGroups { get; private set; }

    /// <summary>Previous row groups decoded to be sliced or merged (for tests and measurements).</summary>
    internal int DecodedGroups { get; private set; }

    private GenerationWriter(DatasetWriterOptions options, RowFile<ReportRow> reports, RowFile<ExtractRow> extracts)
    {
        _options = options;
        _reports = reports;
        _extracts = extracts;
    }

    public static async Task<GenerationWriter> CreateAsync(string directory, DatasetStamp stamp, DatasetWriterOptions options, CancellationToken ct)
    {
        if (options.ExtractRowGroupSize < 1 || options.ReportRowGroupSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "row group sizes must be positive");
        Directory.CreateDirectory(directory);
        var metadata = DatasetWriter.Metadata(stamp);
        var reports = await RowFile<ReportRow>.CreateAsync(directory, DatasetSchema.ReportsFile, metadata, options.ReportRowGroupSize, ct);
        try
        {
            var extracts = await RowFile<ExtractRow>.CreateAsync(directory, DatasetSchema.ExtractsFile, metadata, options.ExtractRowGroupSize, ct);
            return new GenerationWriter(options, reports, extracts);
        }
        catch
        {
            await reports.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a freshly read report and its extract rows, in output order.</summary>
    public async Task AddAsync(ReportRow report, IReadOnlyList<ExtractRow> extracts, CancellationToken ct)
    {
        await AddReportAsync(report, ct);
        await AddExtractsAsync(extracts, ct);
    }

    internal async Task AddReportAsync(ReportRow report, CancellationToken ct)
    {
        ThrowIfCompleted();
        await _reports.AddAsync(report, ct);
    }

    internal async Task AddExtractsAsync(IEnumerable<ExtractRow> extracts, CancellationToken ct)
    {
        ThrowIfCompleted();
        await WriteRunAsync(ct);
        foreach (var extract in extracts)
        {
            _tally.Add(extract);
            await _extracts.AddAsync(extract, ct);
        }
    }

    /// <summary>
    /// Carries report <paramref name="previousReportIndex"/> of <paramref name="previous"/>: its row and its extract rows.
    /// Calls must come in increasing index order; indices not carried are left out. With a <paramref name="transform"/>
    /// the report's rows are built as objects and what it returns is written instead (it may change the objects it gets).
    /// </summary>
    public async Task CarryAsync(PreviousGeneration previous, int previousReportIndex, CarryTransform? transform, CancellationToken ct)
    {
        ThrowIfCompleted();
        if (!ReferenceEquals(previous, _previous))
        {
            await WriteRunAsync(ct);
            _previous = previous;
            _lastCarried = -1;
            _cachedGroup = -1;
            _cached = null;
        }
        if (previousReportIndex < 0 || previousReportIndex >= previous.Reports.Count)
            throw new ArgumentOutOfRangeException(nameof(previousReportIndex), $"the previous generation has {previous.Reports.Count} reports");
        if (previousReportIndex <= _lastCarried)
            throw new ArgumentException($"carried reports must come in increasing order (report {previousReportIndex} after {_lastCarried})", nameof(previousReportIndex));
        _lastCarried = previousReportIndex;

        var first = previous.FirstExtractRow(previousReportIndex);
        var count = previous.ExtractRowCountOf(previousReportIndex);
        var report = previous.Reports[previousReportIndex];
        if (transform is null)
        {
            await _reports.AddAsync(report, ct);
            if (count == 0) return;
            if (_runEnd > _runStart && _runEnd == first) _runEnd += count;
            else
            {
                await WriteRunAsync(ct);
                (_runStart, _runEnd) = (first, first + count);
            }
            return;
        }

        await WriteRunAsync(ct);
        var rows = await DecodeAsync(previous, first, count, ct);
        var (newReport, newExtracts) = transform(report, rows);
        await _reports.AddAsync(newReport, ct);
        foreach (var extract in newExtracts)
        {
            _tally.Add(extract);
            await _extracts.AddAsync(extract, ct);
        }
    }

    /// <summary>Writes what is pending, closes both files, flushes them to disk and renames them into place.</summary>
    public async Task<GenerationCounts> CompleteAsync(CancellationToken ct)
    {
        ThrowIfCompleted();
        await WriteRunAsync(ct);
        _cached = null;
        await _reports.CloseAsync(ct);
        await _extracts.CloseAsync(ct);
        ct.ThrowIfCancellationRequested();
        _extracts.Publish();
        _reports.Publish();
        _completed = true;
        return new GenerationCounts(checked((int)_reports.Rows), checked((int)_extracts.Rows), _tally.Leadership, _tally.Themed, _tally.ModelVersion);
    }

    public async ValueTask DisposeAsync()
    {
        _cached = null;
        await _extracts.DisposeAsync();
        await _reports.DisposeAsync();
    }

    private void ThrowIfCompleted()
    {
        if (_completed) throw new InvalidOperationException("the generation is already complete");
    }

    /// <summary>Writes the pending run of carried extract rows: whole previous row groups copied, split ones sliced.</summary>
    private async Task WriteRunAsync(CancellationToken ct)
    {
        var previous = _previous;
        while (previous is not null && _runStart < _runEnd)
        {
            var group = previous.GroupOf(_runStart);
            var groupStart = previous.GroupStart(group);
            var groupEnd = previous.GroupStart(group + 1);
            var end = Math.Min(_runEnd, groupEnd);
            var groupRows = groupEnd - groupStart;
            if (_runStart == groupStart && end == groupEnd && groupRows <= _options.ExtractRowGroupSize)
            {
                if (_extracts.PendingRows > 0 && _extracts.PendingRows + groupRows <= _options.ExtractRowGroupSize)
                {
                    var columns = await GroupAsync(previous, group, ct);
                    _tally.Add(columns, 0, (int)groupRows);
                    await _extracts.AppendRowsAsync(columns, 0, (int)groupRows, ct); // a small leftover joins the group
                }
                else
                {
                    await _extracts.FlushAsync(ct);
                    await _extracts.CopyGroupAsync(previous.Extracts.OpenRowGroupReader(group), previous.Extracts.Schema.DataFields,
                        (index, column) => _tally.Add(index, column, 0, column.RowCount), ct);
                    CopiedGroups++;
                }
            }
            else
            {
                var columns = await GroupAsync(previous, group, ct);
                _tally.Add(columns, (int)(_runStart - groupStart), (int)(end - _runStart));
                await _extracts.AppendRowsAsync(columns, (int)(_runStart - groupStart), (int)(end - _runStart), ct);
            }
            _runStart = end;
        }
        _runStart = _runEnd = 0;
    }

    private async Task<List<ExtractRow>> DecodeAsync(PreviousGeneration previous, long first, int count, CancellationToken ct)
    {
        var rows = new List<ExtractRow>(count);
        var row = first;
        while (row < first + count)
        {
            var group = previous.GroupOf(row);
            var groupStart = previous.GroupStart(group);
            var end = Math.Min(first + count, previous.GroupStart(group + 1));
            rows.AddRange(RowLayout<ExtractRow>.Instance.Decode(await GroupAsync(previous, group, ct), (int)(row - groupStart), (int)(end - row)));
            row = end;
        }
        return rows;
    }

    /// <summary>All columns of one previous row group (the last one asked for is kept: carries move forward).</summary>
    private async Task<ColumnValues[]> GroupAsync(PreviousGeneration previous, int group, CancellationToken ct)
    {
        if (_cachedGroup == group && _cached is not null) return _cached;
        _cached = null;
        var reader = previous.Extracts.OpenRowGroupReader(group);
        var fields = previous.Extracts.Schema.DataFields;
        var columns = new ColumnValues[fields.Length];
        for (var i = 0; i < fields.Length; i++) columns[i] = await ColumnValues.ReadAsync(reader, fields[i], ct);
        (_cachedGroup, _cached) = (group, columns);
        DecodedGroups++;
        return columns;
    }
}

/// <summary>
/// Counts the leadership, themed and tagged extract rows a generation receives, from row objects or straight from the
/// columns of carried row groups (so a carried group is counted without being built into objects).
/// </summary>
internal sealed class ExtractTally
{
    private static readonly int LeadershipColumn = ColumnOf("is_leadership_extract");
    private static readonly int ThemesColumn = ColumnOf("themes");
    private static readonly int ModelColumn = ColumnOf("model_version");

    public int Leadership { get; private set; }

    public int Themed { get; private set; }

    public string? ModelVersion { get; private set; }

    public void Add(ExtractRow row)
    {
        if (row.IsLeadershipExtract) Leadership++;
        if (row.Themes is { Count: > 0 }) Themed++;
        ModelVersion ??= row.ModelVersion;
    }

    /// <summary>Counts rows [<paramref name="rowStart"/>, +<paramref name="rowCount"/>) of a row group's columns.</summary>
    public void Add(ColumnValues[] columns, int rowStart, int rowCount)
    {
        foreach (var index in (int[])[LeadershipColumn, ThemesColumn, ModelColumn]) Add(index, columns[index], rowStart, rowCount);
    }

    /// <summary>Counts what column <paramref name="index"/> of the extract layout says about rows [start, +count); other columns are ignored.</summary>
    public void Add(int index, ColumnValues column, int rowStart, int rowCount)
    {
        if (index == LeadershipColumn)
        {
            var values = ((ColumnValues<bool>)column).Values.Slice(rowStart, rowCount);
            foreach (var value in values) if (value) Leadership++;
        }
        else if (index == ThemesColumn)
        {
            // A row's first definition level is 2 or 3 exactly when its list holds an element (0: null list, 1: empty).
            var themes = (ColumnValues<ReadOnlyMemory<char>>)column;
            var definitions = themes.Definitions;
            for (var row = rowStart; row < rowStart + rowCount; row++)
                if (definitions[themes.LevelOfRow(row)] >= 2) Themed++;
        }
        else if (index == ModelColumn && ModelVersion is null)
        {
            var model = (ColumnValues<ReadOnlyMemory<char>>)column;
            var definitions = model.Definitions;
            for (var row = rowStart; row < rowStart + rowCount; row++)
            {
                if (definitions[row] != 1) continue;
                ModelVersion = model.Values[model.ValuesBefore(row)].ToString();
                break;
            }
        }
    }

    private static int ColumnOf(string name) =>
        Array.FindIndex(RowLayout<ExtractRow>.Instance.Schema.DataFields, f => f.Path.ToList()[0] == name) is var i and >= 0
            ? i : throw new InvalidOperationException($"the extract layout has no {name} column");
}

/// <summary>One Parquet file being written under a temporary name, with a pending row group in column form.</summary>
internal sealed class RowFile<TRow> : IAsyncDisposable where TRow : new()
{
    private static RowLayout<TRow> Layout => RowLayout<TRow>.Instance;

    private readonly string _temporary;
    private readonly string _final;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly int _groupSize;
    private readonly ColumnValues[] _pending;
    private bool _closed, _published;

    private RowFile(string temporary, string final, FileStream stream, ParquetWriter writer, int groupSize)
    {
        _temporary = temporary;
        _final = final;
        _stream = stream;
        _writer = writer;
        _groupSize = groupSize;
        _pending = Layout.NewColumns();
    }

    public long Rows { get; private set; }

    public int PendingRows => _pending[0].RowCount;

    public static async Task<RowFile<TRow>> CreateAsync(string directory, string fileName, IReadOnlyDictionary<string, string> metadata, int groupSize, CancellationToken ct)
    {
        var temporary = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var writer = await ParquetWriter.CreateAsync(Layout.Schema, stream, GenerationWriter.WriteOptions, append: false, ct);
            writer.CustomMetadata = metadata;
            return new RowFile<TRow>(temporary, Path.Combine(directory, fileName), stream, writer, groupSize);
        }
        catch
        {
            await stream.DisposeAsync();
            File.Delete(temporary);
            throw;
        }
    }

    public async Task AddAsync(TRow row, CancellationToken ct)
    {
        Layout.Append(_pending, row);
        Rows++;
        if (PendingRows >= _groupSize) await FlushAsync(ct);
    }

    /// <summary>Appends rows of columns read from a file with the same schema, starting row groups as they fill.</summary>
    public async Task AppendRowsAsync(ColumnValues[] source, int rowStart, int rowCount, CancellationToken ct)
    {
        while (rowCount > 0)
        {
            var take = Math.Min(rowCount, _groupSize - PendingRows);
            for (var i = 0; i < _pending.Length; i++) _pending[i].AppendRows(source[i], rowStart, take);
            Rows += take;
            rowStart += take;
            rowCount -= take;
            if (PendingRows >= _groupSize) await FlushAsync(ct);
        }
    }

    /// <summary>Writes a whole row group of another file with the same schema as one row group, a column at a time.</summary>
    /// <paramref name="observe"/> sees each column (its index and values) as it passes.
    public async Task CopyGroupAsync(ParquetRowGroupReader source, DataField[] sourceFields, Action<int, ColumnValues>? observe, CancellationToken ct)
    {
        if (PendingRows > 0) throw new InvalidOperationException("flush the pending rows first");
        using (var group = _writer.CreateRowGroup())
        {
            for (var i = 0; i < sourceFields.Length; i++)
            {
                var column = await ColumnValues.ReadAsync(source, sourceFields[i], ct);
                observe?.Invoke(i, column);
                await column.WriteAsync(group, ct);
            }
            group.CompleteValidate();
        }
        Rows += source.RowCount;
    }

    /// <summary>Writes the pending rows as a row group (possibly a short one).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (PendingRows == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            foreach (var column in _pending) await column.WriteAsync(group, ct);
            group.CompleteValidate();
        }
        foreach (var column in _pending) column.Clear();
    }

    /// <summary>Writes the last row group and the footer, and flushes the file to disk.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await _writer.DisposeAsync();
        await _stream.FlushAsync(ct);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        _closed = true;
    }

    public void Publish()
    {
        if (!_closed) throw new InvalidOperationException("close the file first");
        File.Move(_temporary, _final, overwrite: true);
        _published = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            try
            {
                await _writer.DisposeAsync();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or NotSupportedException or ArgumentException)
            {
                // The file is deleted below; a footer that cannot be written does not matter.
            }
            await _stream.DisposeAsync();
            _closed = true;
        }
        if (!_published) File.Delete(_temporary);
    }
}
