using System.Text.Json;
using System.Text.Json.Serialization;

namespace JudgementMiner.Evaluation;

/// <summary>One hand-split paragraph of the gold set (data/gold/sentences/*.jsonl).</summary>
public sealed record GoldParagraph(
    [property: JsonPropertyName("report")] string Report,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("paragraph")] string Paragraph,
    [property: JsonPropertyName("sentences")] IReadOnlyList<string> Sentences,
    [property: JsonPropertyName("annotator")] string? Annotator,
    [property: JsonPropertyName("note")] string? Note)
{
    /// <summary>Character offsets in <see cref="Paragraph"/> where a sentence ends and another begins (the space between).</summary>
    public IReadOnlyList<int> Boundaries()
    {
        var boundaries = new List<int>();
        var offset = 0;
        for (var i = 0; i < Sentences.Count - 1; i++)
        {
            offset += Sentences[i].Length;
            boundaries.Add(offset);
            offset += 1; // the single space between sentences
        }
        return boundaries;
    }
}

/// <summary>A section start decided by a reader (data/gold/sections/*.tsv).</summary>
public sealed record GoldSectionStart(int Page, string StartsWith, string Section, string Heading);

/// <summary>The gold section starts of one report.</summary>
public sealed record GoldSections(string Report, IReadOnlyList<GoldSectionStart> Starts);

/// <summary>Loads the segmentation gold set from a folder with sentences/*.jsonl and sections/*.tsv.</summary>
public static class SegmentationGold
{
    public static IReadOnlyList<GoldParagraph> LoadParagraphs(string goldDirectory)
    {
        var paragraphs = new List<GoldParagraph>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(goldDirectory, "sentences"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var paragraph = JsonSerializer.Deserialize<GoldParagraph>(line)
                                ?? throw new InvalidDataException($"{file}:{lineNumber}: empty record");
                if (string.Join(' ', paragraph.Sentences) != paragraph.Paragraph)
                    throw new InvalidDataException($"{file}:{lineNumber}: the sentences joined by spaces do not give the paragraph");
                paragraphs.Add(paragraph);
            }
        }
        return paragraphs;
    }

    public static IReadOnlyList<GoldSections> LoadSections(string goldDirectory)
    {
        var reports = new List<GoldSections>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(goldDirectory, "sections"), "*.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var split = name.IndexOf("__", StringComparison.Ordinal);
            var report = name[..split] + "/" + name[(split + 2)..] + ".pdf";
            var starts = new List<GoldSectionStart>();
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')) continue;
                var fields = line.Split('\t');
                if (fields.Length < 3) throw new InvalidDataException($"{file}: a line needs page, starts_with and section: {line}");
                starts.Add(new GoldSectionStart(int.Parse(fields[0]), fields[1], fields[2], fields.Length > 3 ? fields[3] : ""));
            }
            reports.Add(new GoldSections(report, starts));
        }
        return reports;
    }
}
