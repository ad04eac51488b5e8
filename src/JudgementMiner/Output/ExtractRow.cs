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
    /// <summary>The themes over their thresholds (empty list: no theme; null: the run had no models).</summary>
    [JsonPropertyName("themes")] public List<string>? Themes { get; set; }
    [JsonPropertyName("p_leadership")] public float? PLeadership { get; set; }
    [JsonPropertyName("p_scrutiny")] public float? PScrutiny { get; set; }
    [JsonPropertyName("p_corporate_parenting")] public float? PCorporateParenting { get; set; }
    [JsonPropertyName("p_partnerships")] public float? PPartnerships { get; set; }
    [JsonPropertyName("p_performance_management")] public float? PPerformanceManagement { get; set; }
    [JsonPropertyName("p_workforce")] public float? PWorkforce { get; set; }
    [JsonPropertyName("p_voice_of_child")] public float? PVoiceOfChild { get; set; }
    [JsonPropertyName("p_sufficiency")] public float? PSufficiency { get; set; }
    [JsonPropertyName("stance")] public string? Stance { get; set; }
    [JsonPropertyName("stance_confidence")] public float? StanceConfidence { get; set; }
    [JsonPropertyName("grade_leadership")] public string? GradeLeadership { get; set; }
    [JsonPropertyName("grade_overall_effectiveness")] public string? GradeOverallEffectiveness { get; set; }
    [JsonPropertyName("model_version")] public string? ModelVersion { get; set; }
}
