using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace JudgementMiner.Search;

/// <summary>Writes search hits as CSV, JSON or Markdown (the console table is the CLI's).</summary>
public static class SearchHitWriter
{
    public static readonly string[] Formats = ["table", "csv", "json", "markdown"];

    public static void WriteCsv(TextWriter output, IEnumerable<SearchHit> hits)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteRecords(hits.Select(Flat));
    }

    public static void WriteJson(TextWriter output, IEnumerable<SearchHit> hits) =>
        output.WriteLine(JsonSerializer.Serialize(hits.Select(Flat), new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>One quotable block per hit: the extract as a quotation, then where it comes from.</summary>
    public static void WriteMarkdown(TextWriter output, IEnumerable<SearchHit> hits)
    {
        foreach (var hit in hits)
        {
            output.WriteLine($"{hit.Rank}. > {hit.Text.Replace("\n", " ")}");
            output.WriteLine();
            output.WriteLine($"   {hit.Citation}. Section: {hit.SectionHeading ?? hit.Section}" +
                             (hit.SectionGrade is { } g ? $" (grade: {g})" : "") +
                             $". Themes: {string.Join(", ", hit.Themes)}; stance: {hit.Stance}. Extract `{hit.ExtractId}`.");
            output.WriteLine();
        }
    }

    private static object Flat(SearchHit hit) => new
    {
        rank = hit.Rank,
        extract_id = hit.ExtractId,
        local_authority = hit.LocalAuthority,
        report_date = hit.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        section = hit.Section,
        section_heading = hit.SectionHeading,
        section_grade = hit.SectionGrade,
        grade_overall_effectiveness = hit.OverallGrade,
        grade_leadership = hit.LeadershipGrade,
        page = hit.Page,
        paragraph = hit.Paragraph,
        themes = string.Join(';', hit.Themes),
        stance = hit.Stance,
        stance_confidence = hit.StanceConfidence is { } c ? Math.Round(c, 3) : (double?)null,
        theme_probability = Math.Round(hit.ThemeProbability, 3),
        relevance = hit.Relevance is { } r ? Math.Round(r, 3) : (double?)null,
        text = hit.Text,
        citation = hit.Citation,
        region = hit.Region,
        framework = hit.Framework,
        inspection_type = hit.InspectionType,
        report_id = hit.ReportId,
    };
}
