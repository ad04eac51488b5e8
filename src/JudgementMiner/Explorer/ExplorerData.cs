using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using JudgementMiner.Analysis;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Explorer;

/// <summary>
/// The explorer's data, in the three parts the page reads at different times:
/// <list type="bullet">
/// <item><see cref="MetaJson"/>: the lists the codes point into (themes, grades, sections, headings, reports) and the
/// layout of the columns, as plain JSON;</item>
/// <item><see cref="Columns"/>: one gzip of every extract's filter columns (report, section, grade, page, themes as a
/// bit mask, stance…), each stored in the narrowest integer type that holds its values, so the page filters from typed
/// arrays without parsing a number at a time;</item>
/// <item><see cref="TextChunks"/>: the extract texts, a chunk of them (2048 by default) to a gzip. The page opens with the
/// columns and only the texts it shows; the other chunks are unpacked after it has opened (the text search waits for
/// them), since the texts are nine tenths of the data.</item>
/// </list>
/// </summary>
public sealed record ExplorerData(string MetaJson, byte[] Columns, IReadOnlyList<byte[]> TextChunks)
{
    /// <summary>Extracts to a text chunk by default: small enough that the first page of results unpacks one or two of
    /// them, big enough to compress well (and Chromium parses some dozens of elements faster than one).</summary>
    public const int DefaultTextChunkSize = 2048;

    /// <summary>The ASCII unit separator between the texts of a chunk; no report sentence contains one.</summary>
    public const char TextSeparator = '\u001f';

    /// <summary>Every extract of the reports read without error, in dataset order.</summary>
    public static ExplorerData From(IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts, DateTimeOffset generated,
        int textChunkSize = DefaultTextChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(textChunkSize, 1);
        var okReports = reports.Where(r => r.IsOk).GroupBy(r => r.ReportId).Select(g => g.First()).ToList();
        var reportIndex = okReports.Select((r, i) => (r.ReportId, i)).ToDictionary(x => x.ReportId, x => x.i);
        var rows = extracts.Where(e => reportIndex.ContainsKey(e.ReportId)).ToList();
        var frameworks = okReports.Select(r => r.Framework).Distinct().Order(StringComparer.Ordinal).ToList();
        var kinds = okReports.Select(KindOf).Distinct().OrderBy(k => InspectionTypeOrder(k)).ToList();
        var lastInspection = Search.ExtractSearchIndex.LastInspectionGrades(okReports);
        var sections = rows.Select(e => e.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        var headings = rows.Select(e => e.SectionHeading ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
        var headingIndex = headings.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);

        var columns = new ColumnBlock();
        columns.Add("report", rows.Select(e => reportIndex[e.ReportId]));
        columns.Add("section", rows.Select(e => sections.IndexOf(e.Section)));
        columns.Add("heading", rows.Select(e => headingIndex[e.SectionHeading ?? ""]));
        columns.Add("section_grade", rows.Select(e => GradeCode(e.SectionGrade)));
        columns.Add("page", rows.Select(e => e.Page));
        columns.Add("paragraph", rows.Select(e => e.Paragraph ?? 0));
        columns.Add("paragraph_index", rows.Select(e => e.ParagraphIndex));
        columns.Add("themes", rows.Select(e => (e.Themes ?? []).Aggregate(0, (mask, t) => mask | (1 << Array.IndexOf(Themes.All, t)))));
        columns.Add("stance", rows.Select(e => e.Stance is null ? -1 : Array.IndexOf(Themes.Stances, e.Stance)));
        columns.Add("leadership", rows.Select(e => e.IsLeadershipExtract ? 1 : 0));

        var meta = new MemoryStream();
        using (var json = new Utf8JsonWriter(meta)) // the default encoder escapes '<', so the JSON cannot close its script element
        {
            json.WriteStartObject();
            json.WriteString("generated", generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            json.WriteString("model_version", rows.Select(e => e.ModelVersion).FirstOrDefault(v => v is not null));
            json.WriteNumber("count", rows.Count);
            json.WriteNumber("text_chunk_size", textChunkSize);
            Strings(json, "themes", Themes.All);
            Strings(json, "stances", Themes.Stances);
            Strings(json, "grades", GradeScale.Ordered);
            Strings(json, "frameworks", frameworks);
            Strings(json, "kinds", kinds);
            Strings(json, "sections", sections);
            Strings(json, "headings", headings);
            json.WriteStartObject("reports");
            Strings(json, "id", okReports.Select(r => r.ReportId));
            Strings(json, "council", okReports.Select(r => r.LocalAuthority));
            Strings(json, "date", okReports.Select(r => r.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Numbers(json, "framework", okReports.Select(r => frameworks.IndexOf(r.Framework)));
            Numbers(json, "kind", okReports.Select(r => kinds.IndexOf(KindOf(r))));
            Numbers(json, "grade_last_inspection", okReports.Select(r => GradeCode(lastInspection.GetValueOrDefault(r.ReportId))));
            Numbers(json, "grade_overall", okReports.Select(r => GradeCode(r.GradeOverallEffectiveness)));
            Numbers(json, "grade_leadership", okReports.Select(r => GradeCode(r.GradeLeadership)));
            json.WriteEndObject();
            columns.WriteLayout(json, "columns");
            json.WriteEndObject();
        }

        var texts = rows.Chunk(textChunkSize)
            .Select(chunk => Gzip(Encoding.UTF8.GetBytes(string.Join(TextSeparator, chunk.Select(e => e.Text.Replace(TextSeparator, ' '))))))
            .ToList();
        return new ExplorerData(Encoding.UTF8.GetString(meta.ToArray()), Gzip(columns.ToBytes()), texts);
    }

    /// <summary>The document's kind (schema 2; a dataset of schema 1 holds full inspections only).</summary>
    private static string KindOf(ReportRow report) => report.InspectionType ?? "inspection";

    private static int InspectionTypeOrder(string kind) => Ingestion.Facts.InspectionTypeNames.All.ToList().IndexOf(kind) is var i and >= 0 ? i : int.MaxValue;

    private static int GradeCode(string? grade) => grade is null ? -1 : Array.IndexOf(GradeScale.Ordered, grade);

    internal static byte[] Gzip(byte[] bytes)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize)) gzip.Write(bytes);
        return packed.ToArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            if (value is null) json.WriteNullValue(); else json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteNumberValue(value);
        json.WriteEndArray();
    }

    /// <summary>
    /// Whole-number columns laid end to end, each in the narrowest of u8, i8, u16, i16 and i32 that holds its values and
    /// starting at a multiple of its width (a typed array over the unpacked buffer needs that).
    /// </summary>
    private sealed class ColumnBlock
    {
        private readonly MemoryStream _bytes = new();
        private readonly List<(string Name, string Type, long Offset)> _layout = [];

        public void Add(string name, IEnumerable<int> values)
        {
            var numbers = values.ToArray();
            var (min, max) = numbers.Length == 0 ? (0, 0) : (numbers.Min(), numbers.Max());
            var (type, width) = (min, max) switch
            {
                ( >= 0, <= byte.MaxValue) => ("u8", 1),
                ( >= sbyte.MinValue, <= sbyte.MaxValue) => ("i8", 1),
                ( >= 0, <= ushort.MaxValue) => ("u16", 2),
                ( >= short.MinValue, <= short.MaxValue) => ("i16", 2),
                _ => ("i32", 4),
            };
            while (_bytes.Length % width != 0) _bytes.WriteByte(0);
            _layout.Add((name, type, _bytes.Length));
            Span<byte> buffer = stackalloc byte[4];
            foreach (var n in numbers)
            {
                switch (width)
                {
                    case 1: buffer[0] = (byte)n; break;
                    case 2: BinaryPrimitives.WriteInt16LittleEndian(buffer, (short)n); break;
                    default: BinaryPrimitives.WriteInt32LittleEndian(buffer, n); break;
                }
                _bytes.Write(buffer[..width]);
            }
        }

        public void WriteLayout(Utf8JsonWriter json, string name)
        {
            json.WriteStartArray(name);
            foreach (var (column, type, offset) in _layout)
            {
                json.WriteStartObject();
                json.WriteString("name", column);
                json.WriteString("type", type);
                json.WriteNumber("offset", offset);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        public byte[] ToBytes() => _bytes.ToArray();
    }
}
