using System.IO.Compression;
using System.Text;
using System.Text.Json;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Explorer;

/// <summary>
/// Writes the explorer: one self-contained HTML page (no network: the data, script and styles are inlined) where an
/// improvement officer filters every extract of a dataset by theme, stance, grade, framework, year and council,
/// searches the text, reads an extract in its paragraph and copies a citation. The data is inlined as columns with
/// small integer codes (themes as a bit mask, reports, sections, headings and grades by index), which keeps the page
/// compact and lets the script filter every extract in a single pass.
/// </summary>
public static class ExplorerPageWriter
{
    public const string FileName = "explorer.html";
    private const string Placeholder = "/*DATA*/";

    /// <summary>The ASCII unit separator, which no report sentence contains.</summary>
    private const char TextSeparator = '\u001f';

    /// <summary>Writes <c>explorer.html</c> into <paramref name="folder"/> (under a temporary name, then renamed) and returns its path.</summary>
    public static string Write(string folder, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts, DateTimeOffset generated)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        var template = Template();
        var at = template.IndexOf(Placeholder, StringComparison.Ordinal);
        // The data goes in as gzip-compressed JSON in base64: a quarter of the bytes for the browser to read.
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var json = new Utf8JsonWriter(gzip))
            WriteData(json, reports, extracts, generated);
        using (var stream = File.Create(temporary))
        {
            stream.Write(Encoding.UTF8.GetBytes(template[..at]));
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length)));
            stream.Write(Encoding.UTF8.GetBytes(template[(at + Placeholder.Length)..]));
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Template()
    {
        using var stream = typeof(ExplorerPageWriter).Assembly.GetManifestResourceStream("JudgementMiner.Resources.explorer.html")
                           ?? throw new InvalidOperationException("the explorer template is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The data object (base64 has no '&lt;', so nothing in it can close the script element it sits in).
    /// </summary>
    private static void WriteData(Utf8JsonWriter json, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts, DateTimeOffset generated)
    {
        var okReports = reports.Where(r => r.Status == "ok").GroupBy(r => r.ReportId).Select(g => g.First()).ToList();
        var reportIndex = okReports.Select((r, i) => (r.ReportId, i)).ToDictionary(x => x.ReportId, x => x.i);
        var rows = extracts.Where(e => reportIndex.ContainsKey(e.ReportId)).ToList();
        var frameworks = okReports.Select(r => r.Framework).Distinct().Order(StringComparer.Ordinal).ToList();
        var sections = rows.Select(e => e.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        var headings = rows.Select(e => e.SectionHeading ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
        var headingIndex = headings.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        string[] grades = ["outstanding", "good", "requires_improvement", "adequate", "inadequate"];
        int GradeCode(string? grade) => grade is null ? -1 : Array.IndexOf(grades, grade);

        json.WriteStartObject();
        json.WriteString("generated", generated.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("model_version", rows.Select(e => e.ModelVersion).FirstOrDefault(v => v is not null));
        Strings(json, "themes", Themes.All);
        Strings(json, "stances", Themes.Stances);
        Strings(json, "grades", grades);
        Strings(json, "frameworks", frameworks);
        Strings(json, "sections", sections);
        Strings(json, "headings", headings);
        json.WriteStartObject("reports");
        Strings(json, "id", okReports.Select(r => r.ReportId));
        Strings(json, "council", okReports.Select(r => r.LocalAuthority));
        Strings(json, "date", okReports.Select(r => r.PublicationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Numbers(json, "framework", okReports.Select(r => frameworks.IndexOf(r.Framework)));
        Numbers(json, "grade_overall", okReports.Select(r => GradeCode(r.GradeOverallEffectiveness)));
        Numbers(json, "grade_leadership", okReports.Select(r => GradeCode(r.GradeLeadership)));
        json.WriteEndObject();
        json.WriteStartObject("extracts");
        Numbers(json, "report", rows.Select(e => reportIndex[e.ReportId]));
        // One string with a separator rather than an array of strings: the browser parses and splits it faster.
        json.WriteString("text_joined", string.Join(TextSeparator, rows.Select(e => e.Text.Replace(TextSeparator, ' '))));
        Numbers(json, "section", rows.Select(e => sections.IndexOf(e.Section)));
        Numbers(json, "heading", rows.Select(e => headingIndex[e.SectionHeading ?? ""]));
        Numbers(json, "section_grade", rows.Select(e => GradeCode(e.SectionGrade)));
        Numbers(json, "page", rows.Select(e => e.Page));
        Numbers(json, "paragraph", rows.Select(e => e.Paragraph ?? 0));
        Numbers(json, "paragraph_index", rows.Select(e => e.ParagraphIndex));
        Numbers(json, "themes", rows.Select(e => (e.Themes ?? []).Aggregate(0, (mask, t) => mask | (1 << Array.IndexOf(Themes.All, t)))));
        Numbers(json, "stance", rows.Select(e => e.Stance is null ? -1 : Array.IndexOf(Themes.Stances, e.Stance)));
        Numbers(json, "leadership", rows.Select(e => e.IsLeadershipExtract ? 1 : 0));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            if (value is null) json.WriteNullValue(); else json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>
    /// A column of whole numbers as the base64 of little-endian 32-bit integers: the page turns it into an Int32Array
    /// without parsing a number at a time, which matters with 135,000 extracts and ten columns.
    /// </summary>
    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        var numbers = values.ToArray();
        var bytes = new byte[numbers.Length * sizeof(int)];
        for (var i = 0; i < numbers.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), numbers[i]);
        json.WriteBase64String(name, bytes);
    }
}
