using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace JudgementMiner.Output;

/// <summary>
/// A SHA-256 of what extraction produced for a dataset: every report row, then every extract row, in order, over the
/// content columns only. Columns that depend on the run or on the models rather than on extraction are left out
/// (<see cref="IsExcluded"/>): the pipeline and model versions, the machine-dependent source path (file_sha256
/// identifies the file), themes, every p_* probability, stance and the text-implied grade. The columns are taken from
/// the rows' [JsonPropertyName] attributes, so a new column is covered without touching this class.
/// </summary>
/// <remarks>
/// Every value is written length-prefixed with its column name and a type tag, null distinct from an empty string and
/// lists element by element, so two datasets with different content cannot encode to the same bytes (moving text from
/// one column to the next, or from one row to the next, changes the digest). The digest depends only on the values,
/// not on the row objects or on how they were read.
/// </remarks>
public static class ContentDigest
{
    /// <summary>Names the encoding; change it if the encoding changes, so old and new digests cannot be confused.</summary>
    private const string Format = "judgementminer-content-digest/1";

    private static readonly HashSet<string> ExcludedColumns = new(StringComparer.Ordinal)
    {
        "pipeline_version", "model_version", "source_path", "themes", "stance", "stance_confidence",
        "predicted_grade_leadership", "predicted_grade_held_out",
    };

    private static readonly Column[] ReportColumnList = ColumnsOf<ReportRow>();

    private static readonly Column[] ExtractColumnList = ColumnsOf<ExtractRow>();

    /// <summary>The report columns the digest covers, in the order it writes them (ordinal by name).</summary>
    public static IReadOnlyList<string> ReportColumns { get; } = ReportColumnList.Select(c => c.Name).ToList();

    /// <summary>The extract columns the digest covers, in the order it writes them (ordinal by name).</summary>
    public static IReadOnlyList<string> ExtractColumns { get; } = ExtractColumnList.Select(c => c.Name).ToList();

    /// <summary>True for a column that depends on the run or the models, not on extraction (p_grade_* included in p_*).</summary>
    public static bool IsExcluded(string column) => ExcludedColumns.Contains(column) || column.StartsWith("p_", StringComparison.Ordinal);

    /// <summary>The digest of the rows, lowercase hex.</summary>
    public static string Compute(IEnumerable<ReportRow> reports, IEnumerable<ExtractRow> extracts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.String(Format);
        writer.Rows("reports", reports, ReportColumnList);
        writer.Rows("extracts", extracts, ExtractColumnList);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The digest of the dataset written in <paramref name="datasetDirectory"/>.</summary>
    public static async Task<string> ComputeAsync(string datasetDirectory, CancellationToken cancellationToken = default)
    {
        var dataset = await Dataset.OpenAsync(datasetDirectory, cancellationToken);
        return Compute(await dataset.ReadReportsAsync(cancellationToken), await dataset.ReadExtractsAsync(cancellationToken));
    }

    private sealed record Column(string Name, PropertyInfo Property);

    private static Column[] ColumnsOf<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(c => c.Name is not null && !IsExcluded(c.Name))
            .Select(c => new Column(c.Name!, c.Property))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Writes tagged, length-prefixed values into the hash.</summary>
    private sealed class Writer(IncrementalHash hash)
    {
        private readonly byte[] _int = new byte[4];

        public void Rows<T>(string table, IEnumerable<T> rows, Column[] columns)
        {
            String(table);
            var list = rows as IReadOnlyCollection<T> ?? rows.ToList();
            Int(list.Count);
            Int(columns.Length);
            foreach (var row in list)
            {
                ArgumentNullException.ThrowIfNull(row);
                Tag('R');
                foreach (var column in columns)
                {
                    String(column.Name);
                    Value(column.Name, column.Property.GetValue(row));
                }
            }
        }

        private void Value(string column, object? value)
        {
            switch (value)
            {
                case null: Tag('N'); break;
                case string s: Tag('S'); String(s); break;
                case int i: Tag('I'); String(i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: Tag('I'); String(l.ToString(CultureInfo.InvariantCulture)); break;
                case bool b: Tag('B'); String(b ? "true" : "false"); break;
                case DateOnly d: Tag('D'); String(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case float f: Tag('F'); String(f.ToString("R", CultureInfo.InvariantCulture)); break;
                case double x: Tag('F'); String(x.ToString("R", CultureInfo.InvariantCulture)); break;
                case IEnumerable items:
                    var elements = items.Cast<object?>().ToList();
                    Tag('L');
                    Int(elements.Count);
                    foreach (var element in elements) Value(column, element);
                    break;
                default:
                    throw new NotSupportedException($"ContentDigest cannot encode column {column} of type {value.GetType().Name}: add the type to ContentDigest");
            }
        }

        private void Tag(char tag) => hash.AppendData([(byte)tag]);

        private void Int(int value)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_int, value);
            hash.AppendData(_int);
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            hash.AppendData(bytes);
        }
    }
}
