using System.Reflection;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace JudgementMiner.Output;

/// <summary>
/// One column of one row group in Parquet's own shape: the non-null values packed, plus definition and repetition
/// levels where the column has them (as <see cref="ParquetRowGroupReader.ReadRawAsync{T}"/> returns and
/// <see cref="ParquetRowGroupWriter.WriteAllPartsAsync{T}"/> takes them). Rows can be appended from objects or
/// sliced from another column without ever building row objects.
/// </summary>
internal abstract class ColumnValues(DataField field)
{
    public DataField Field { get; } = field;

    /// <summary>Level entries (one per row for a flat column; one per list element, or per empty/null list, for a list).</summary>
    public int LevelCount { get; protected set; }

    public int ValueCount { get; protected set; }

    public int RowCount { get; protected set; }

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken);

    /// <summary>Appends rows [<paramref name="rowStart"/>, +<paramref name="rowCount"/>) of <paramref name="source"/> (same field).</summary>
    public abstract void AppendRows(ColumnValues source, int rowStart, int rowCount);

    public abstract void Clear();

    public static ColumnValues Create(DataField field) =>
        (ColumnValues)Activator.CreateInstance(typeof(ColumnValues<>).MakeGenericType(field.ClrType), field)!;

    public static async Task<ColumnValues> ReadAsync(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
    {
        var chunk = Create(field);
        await chunk.ReadIntoAsync(rowGroup, cancellationToken);
        return chunk;
    }

    protected abstract Task ReadIntoAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);
}

internal sealed class ColumnValues<T>(DataField field) : ColumnValues(field) where T : struct
{
    private T[] _values = [];
    private int[]? _definitions = field.MaxDefinitionLevel > 0 ? [] : null;
    private int[]? _repetitions = field.MaxRepetitionLevel > 0 ? [] : null;
    // Built on first slice of a chunk read from a file: where each row's levels start, and how many values precede each level.
    private int[]? _rowLevelStart;
    private int[]? _valuesBeforeLevel;

    public ReadOnlySpan<T> Values => _values.AsSpan(0, ValueCount);

    public ReadOnlySpan<int> Definitions => _definitions is null ? default : _definitions.AsSpan(0, LevelCount);

    public ReadOnlySpan<int> Repetitions => _repetitions is null ? default : _repetitions.AsSpan(0, LevelCount);

    /// <summary>Appends one level entry: a value when <paramref name="definition"/> is the field's maximum, else a null at that level.</summary>
    public void Append(T value, int definition, int repetition, bool startsRow)
    {
        if (_definitions is not null)
        {
            Grow(ref _definitions, LevelCount + 1);
            _definitions[LevelCount] = definition;
        }
        if (_repetitions is not null)
        {
            Grow(ref _repetitions, LevelCount + 1);
            _repetitions[LevelCount] = repetition;
        }
        LevelCount++;
        if (definition == Field.MaxDefinitionLevel)
        {
            Grow(ref _values, ValueCount + 1);
            _values[ValueCount++] = value;
        }
        if (startsRow) RowCount++;
        _rowLevelStart = null;
        _valuesBeforeLevel = null;
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync<T>(Field, _values.AsMemory(0, ValueCount),
            _definitions?.AsMemory(0, LevelCount), _repetitions?.AsMemory(0, LevelCount), cancellationToken);

    protected override async Task ReadIntoAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        var rows = checked((int)rowGroup.RowCount);
        var levels = _repetitions is null ? rows
            : checked((int)(rowGroup.GetMetadata(Field)?.MetaData?.NumValues ?? throw new InvalidDataException($"no column chunk for {Field.Path}")));
        _values = new T[levels];
        _definitions = _definitions is null ? null : new int[levels];
        _repetitions = _repetitions is null ? null : new int[levels];
        // An int[] would convert to an empty Memory, not to "no levels": pass null for a level the column lacks.
        await rowGroup.ReadRawAsync<T>(Field, _values, _definitions is null ? (Memory<int>?)null : _definitions,
            _repetitions is null ? (Memory<int>?)null : _repetitions, cancellationToken);
        LevelCount = levels;
        RowCount = rows;
        ValueCount = _definitions is null ? levels : _definitions.Count(d => d == Field.MaxDefinitionLevel);
    }

    public override void AppendRows(ColumnValues source, int rowStart, int rowCount)
    {
        var from = (ColumnValues<T>)source;
        if (rowCount == 0) return;
        if (rowStart < 0 || rowStart + rowCount > from.RowCount) throw new ArgumentOutOfRangeException(nameof(rowStart));
        var levelStart = from.LevelOfRow(rowStart);
        var levelEnd = from.LevelOfRow(rowStart + rowCount);
        var valueStart = from.ValuesBefore(levelStart);
        var valueEnd = from.ValuesBefore(levelEnd);
        if (_definitions is not null)
        {
            Grow(ref _definitions, LevelCount + levelEnd - levelStart);
            from._definitions.AsSpan(levelStart, levelEnd - levelStart).CopyTo(_definitions.AsSpan(LevelCount));
        }
        if (_repetitions is not null)
        {
            Grow(ref _repetitions, LevelCount + levelEnd - levelStart);
            from._repetitions.AsSpan(levelStart, levelEnd - levelStart).CopyTo(_repetitions.AsSpan(LevelCount));
        }
        Grow(ref _values, ValueCount + valueEnd - valueStart);
        from._values.AsSpan(valueStart, valueEnd - valueStart).CopyTo(_values.AsSpan(ValueCount));
        LevelCount += levelEnd - levelStart;
        ValueCount += valueEnd - valueStart;
        RowCount += rowCount;
        _rowLevelStart = null;
        _valuesBeforeLevel = null;
    }

    /// <summary>The first level entry of row <paramref name="row"/> (LevelCount for the row after the last).</summary>
    public int LevelOfRow(int row)
    {
        if (_repetitions is null) return row;
        if (_rowLevelStart is null)
        {
            var starts = new int[RowCount + 1];
            var r = 0;
            for (var i = 0; i < LevelCount; i++)
                if (_repetitions[i] == 0) starts[r++] = i;
            starts[RowCount] = LevelCount;
            _rowLevelStart = starts;
        }
        return _rowLevelStart[row];
    }

    /// <summary>How many values come before level entry <paramref name="level"/>.</summary>
    public int ValuesBefore(int level)
    {
        if (_definitions is null) return level;
        if (_valuesBeforeLevel is null)
        {
            var before = new int[LevelCount + 1];
            var max = Field.MaxDefinitionLevel;
            for (var i = 0; i < LevelCount; i++) before[i + 1] = before[i] + (_definitions[i] == max ? 1 : 0);
            _valuesBeforeLevel = before;
        }
        return _valuesBeforeLevel[level];
    }

    public override void Clear()
    {
        LevelCount = ValueCount = RowCount = 0;
        _rowLevelStart = null;
        _valuesBeforeLevel = null;
    }

    private static void Grow<TItem>(ref TItem[] array, int needed)
    {
        if (array.Length >= needed) return;
        Array.Resize(ref array, Math.Max(needed, Math.Max(16, array.Length * 2)));
    }
}

/// <summary>
/// How rows of <typeparamref name="TRow"/> map onto Parquet columns: exactly the schema <see cref="ParquetSerializer"/>
/// writes for the type (so files read back identically with it and DuckDB), with per-column code to shred a row
/// into columns and to build a row back from columns.
/// </summary>
internal sealed class RowLayout<TRow> where TRow : new()
{
    public static RowLayout<TRow> Instance { get; } = new();

    private RowLayout()
    {
        Schema = typeof(TRow).GetParquetSchema(forWriting: true);
        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, StringComparer.Ordinal);
        Fields = Schema.DataFields.Select(field => FieldCodec<TRow>.Create(field, properties[field.Path.ToList()[0]])).ToArray();
    }

    public ParquetSchema Schema { get; }

    public IReadOnlyList<FieldCodec<TRow>> Fields { get; }

    public ColumnValues[] NewColumns() => Fields.Select(f => ColumnValues.Create(f.Field)).ToArray();

    public void Append(ColumnValues[] columns, TRow row)
    {
        for (var i = 0; i < Fields.Count; i++) Fields[i].Append(columns[i], row);
    }

    /// <summary>Builds rows [<paramref name="rowStart"/>, +<paramref name="rowCount"/>) of <paramref name="columns"/> as objects.</summary>
    public List<TRow> Decode(ColumnValues[] columns, int rowStart, int rowCount)
    {
        var rows = new List<TRow>(rowCount);
        for (var i = 0; i < rowCount; i++) rows.Add(new TRow());
        for (var i = 0; i < Fields.Count; i++) Fields[i].Decode(columns[i], rowStart, rows);
        return rows;
    }

    /// <summary>Throws unless a file's schema has exactly this layout's columns (names, types, nesting).</summary>
    public void Validate(ParquetSchema fileSchema, string path)
    {
        static string Describe(ParquetSchema s) => string.Join(", ", s.DataFields.Select(f =>
            $"{f.Path}:{f.ClrType.Name}:{f.MaxDefinitionLevel}:{f.MaxRepetitionLevel}"));
        if (Describe(fileSchema) != Describe(Schema))
            throw new InvalidDataException($"{path} does not have the columns this version writes; re-run with --full");
    }
}

/// <summary>One property of a row type as one Parquet column.</summary>
internal abstract class FieldCodec<TRow>(DataField field)
{
    public DataField Field { get; } = field;

    public abstract void Append(ColumnValues column, TRow row);

    public abstract void Decode(ColumnValues column, int rowStart, List<TRow> rows);

    public static FieldCodec<TRow> Create(DataField field, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (field.MaxRepetitionLevel > 0)
        {
            if (type != typeof(List<string>) || field.ClrType != typeof(ReadOnlyMemory<char>) || field.MaxDefinitionLevel != 3 || field.MaxRepetitionLevel != 1)
                throw new NotSupportedException($"{typeof(TRow).Name}.{property.Name}: only a list of strings is supported as a repeated column");
            return new StringListCodec<TRow>(field, Getter<List<string>?>(property), Setter<List<string>?>(property));
        }
        if (type == typeof(string))
            return new StringCodec<TRow>(field, Getter<string?>(property), Setter<string?>(property));
        var underlying = Nullable.GetUnderlyingType(type);
        var codec = underlying is not null
            ? typeof(NullableCodec<,>).MakeGenericType(typeof(TRow), underlying)
            : typeof(RequiredCodec<,>).MakeGenericType(typeof(TRow), type);
        var getter = property.GetMethod!.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(TRow), type));
        var setter = property.SetMethod!.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(TRow), type));
        return (FieldCodec<TRow>)Activator.CreateInstance(codec, field, getter, setter)!;
    }

    private static Func<TRow, TValue> Getter<TValue>(PropertyInfo p) => p.GetMethod!.CreateDelegate<Func<TRow, TValue>>();

    private static Action<TRow, TValue> Setter<TValue>(PropertyInfo p) => p.SetMethod!.CreateDelegate<Action<TRow, TValue>>();
}

internal sealed class RequiredCodec<TRow, T>(DataField field, Func<TRow, T> get, Action<TRow, T> set) : FieldCodec<TRow>(field) where T : struct
{
    public override void Append(ColumnValues column, TRow row) => ((ColumnValues<T>)column).Append(get(row), 0, 0, startsRow: true);

    public override void Decode(ColumnValues column, int rowStart, List<TRow> rows)
    {
        var values = ((ColumnValues<T>)column).Values;
        for (var i = 0; i < rows.Count; i++) set(rows[i], values[rowStart + i]);
    }
}

internal sealed class NullableCodec<TRow, T>(DataField field, Func<TRow, T?> get, Action<TRow, T?> set) : FieldCodec<TRow>(field) where T : struct
{
    public override void Append(ColumnValues column, TRow row)
    {
        var value = get(row);
        ((ColumnValues<T>)column).Append(value.GetValueOrDefault(), value.HasValue ? 1 : 0, 0, startsRow: true);
    }

    public override void Decode(ColumnValues column, int rowStart, List<TRow> rows)
    {
        var typed = (ColumnValues<T>)column;
        var values = typed.Values;
        var definitions = typed.Definitions;
        var v = typed.ValuesBefore(rowStart);
        for (var i = 0; i < rows.Count; i++) set(rows[i], definitions[rowStart + i] == 1 ? values[v++] : null);
    }
}

internal sealed class StringCodec<TRow>(DataField field, Func<TRow, string?> get, Action<TRow, string?> set) : FieldCodec<TRow>(field)
{
    public override void Append(ColumnValues column, TRow row)
    {
        var value = get(row);
        ((ColumnValues<ReadOnlyMemory<char>>)column).Append(value.AsMemory(), value is null ? 0 : 1, 0, startsRow: true);
    }

    public override void Decode(ColumnValues column, int rowStart, List<TRow> rows)
    {
        var typed = (ColumnValues<ReadOnlyMemory<char>>)column;
        var values = typed.Values;
        var definitions = typed.Definitions;
        var v = typed.ValuesBefore(rowStart);
        for (var i = 0; i < rows.Count; i++) set(rows[i], definitions[rowStart + i] == 1 ? values[v++].ToString() : null);
    }
}

/// <summary>
/// An optional list of optional strings (<c>themes</c>): definition level 0 for a null list, 1 for an empty list,
/// 2 for a null element, 3 for an element; repetition level 0 starts a row, 1 continues its list.
/// </summary>
internal sealed class StringListCodec<TRow>(DataField field, Func<TRow, List<string>?> get, Action<TRow, List<string>?> set) : FieldCodec<TRow>(field)
{
    public override void Append(ColumnValues column, TRow row)
    {
        var typed = (ColumnValues<ReadOnlyMemory<char>>)column;
        var list = get(row);
        if (list is null) typed.Append(default, 0, 0, startsRow: true);
        else if (list.Count == 0) typed.Append(default, 1, 0, startsRow: true);
        else
            for (var i = 0; i < list.Count; i++)
                typed.Append(list[i].AsMemory(), list[i] is null ? 2 : 3, i == 0 ? 0 : 1, startsRow: i == 0);
    }

    public override void Decode(ColumnValues column, int rowStart, List<TRow> rows)
    {
        var typed = (ColumnValues<ReadOnlyMemory<char>>)column;
        var values = typed.Values;
        var definitions = typed.Definitions;
        var repetitions = typed.Repetitions;
        var level = typed.LevelOfRow(rowStart);
        var v = typed.ValuesBefore(level);
        for (var i = 0; i < rows.Count; i++)
        {
            List<string>? list = null;
            do
            {
                var d = definitions[level];
                if (d >= 1) list ??= [];
                if (d == 3) list!.Add(values[v++].ToString());
                else if (d == 2) list!.Add(null!);
                level++;
            } while (level < typed.LevelCount && repetitions[level] != 0);
            set(rows[i], list);
        }
    }
}
