using System.Text;
using JudgementMiner.Output;

namespace JudgementMiner.Explorer;

/// <summary>
/// Writes the explorer: one self-contained HTML page (no network: the data, script and styles are inlined) where an
/// improvement officer filters every extract of a dataset by theme, stance, grade, framework, year and council,
/// searches the text, reads an extract in its paragraph and copies a citation. The data (<see cref="ExplorerData"/>)
/// goes into the page template's script elements: the metadata as JSON, the filter columns and each chunk of texts as
/// base64 of gzip (base64 has no '&lt;', so nothing in it can close its element).
/// </summary>
public static class ExplorerPageWriter
{
    public const string FileName = "explorer.html";
    private const string MetaPlaceholder = "/*META*/";
    private const string ColumnsPlaceholder = "/*COLUMNS*/";
    private const string TextsPlaceholder = "<!--TEXTS-->";

    /// <summary>Writes <c>explorer.html</c> into <paramref name="folder"/> (under a temporary name, then renamed) and returns its path.</summary>
    public static string Write(string folder, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts, DateTimeOffset generated,
        int textChunkSize = ExplorerData.DefaultTextChunkSize)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var data = ExplorerData.From(reports, extracts, generated, textChunkSize);
        var texts = new StringBuilder();
        // Many small elements rather than one big one: Chromium parses them faster.
        foreach (var chunk in data.TextChunks)
            texts.Append("<script class=\"texts\" type=\"application/octet-stream\">").Append(Convert.ToBase64String(chunk)).Append("</script>\n");
        // The metadata goes in last: base64 cannot hold a placeholder ('*' and '<' are not in its alphabet), but a
        // heading in the metadata could.
        var page = Template()
            .Replace(TextsPlaceholder, texts.ToString(), StringComparison.Ordinal)
            .Replace(ColumnsPlaceholder, Convert.ToBase64String(data.Columns), StringComparison.Ordinal)
            .Replace(MetaPlaceholder, data.MetaJson, StringComparison.Ordinal);
        AtomicFile.WriteAllText(path, page);
        return path;
    }

    private static string Template()
    {
        using var stream = typeof(ExplorerPageWriter).Assembly.GetManifestResourceStream("JudgementMiner.Resources.explorer.html")
                           ?? throw new InvalidOperationException("the explorer template is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
