using System.Text.Json.Serialization;

namespace JudgementMiner.Output;

/// <summary>One row of <c>extracts.parquet</c>: one sentence of an ok report (data contract, schema <see cref="DatasetSchema.Version"/>).</summary>
public sealed class ExtractRow
{
    [JsonPropertyName("report_id")] public string ReportId { get; set; } = "";
    /// <summary>"&lt;report_id&gt;-&lt;sentence index, 5 digits&gt;": stable for the same file and pipeline version.</summary>
    [JsonPropertyName("extract_id")] public string ExtractId { get; set; } = "";
    [JsonPropertyName("local_authority")] public string? LocalAuthority { get; set; }
    [JsonPropertyName("publication_date")] public DateOnly? PublicationDate { get; set; }
    [JsonPropertyName("framework")] public string Framework { get; set; } = "";
    [JsonPropertyName("section")] public string Section { get; set; } = "";
    [JsonPropertyName("section_heading")] public string? SectionHeading { get; set; }
    [JsonPropertyName("section_grade")] public string? SectionGrade { get; set; }
    [JsonPropertyName("page")] public int Page { get; set; }
    /// <summary>The paragraph number printed in the report (null for unnumbered paragraphs, bullets and headings).</summary>
    [JsonPropertyName("paragraph")] public int? Paragraph { get; set; }
    /// <summary>The paragraph's position in the report, counting every paragraph from 0 (an addition to the contract).</summary>
    [JsonPropertyName("paragraph_index")] public int ParagraphIndex { get; set; }
    /// <summary>The sentence's position within its paragraph, from 1.</summary>
    [JsonPropertyName("sentence")] public int Sentence { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("is_leadership_extract")] public bool IsLeadershipExtract { get; set; }
    [JsonPropertyName("grade_leadership")] public string? GradeLeadership { get; set; }
    [JsonPropertyName("grade_overall_effectiveness")] public string? GradeOverallEffectiveness { get; set; }
}
