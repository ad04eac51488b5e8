using System.Text.Json.Serialization;

namespace JudgementMiner.Output;

/// <summary>One row of <c>extracts.parquet</c>: one sentence of an ok report (data contract, schema <see cref="DatasetSchema.Version"/>). Made once, by <see cref="DatasetRowMapper"/>.</summary>
public sealed record ExtractRow
{
    [JsonPropertyName("report_id")] public string ReportId { get; init; } = "";
    /// <summary>"&lt;report_id&gt;-&lt;sentence index, 5 digits&gt;": stable for the same file and pipeline version.</summary>
    [JsonPropertyName("extract_id")] public string ExtractId { get; init; } = "";
    [JsonPropertyName("local_authority")] public string? LocalAuthority { get; init; }
    [JsonPropertyName("publication_date")] public DateOnly? PublicationDate { get; init; }
    [JsonPropertyName("framework")] public string Framework { get; init; } = "";
    /// <summary>Schema 2: the report's <c>inspection_type</c>, copied so a reader needs no join.</summary>
    [JsonPropertyName("inspection_type")] public string InspectionType { get; init; } = "";
    [JsonPropertyName("section")] public string Section { get; init; } = "";
    [JsonPropertyName("section_heading")] public string? SectionHeading { get; init; }
    [JsonPropertyName("section_grade")] public string? SectionGrade { get; init; }
    [JsonPropertyName("page")] public int Page { get; init; }
    /// <summary>The paragraph number printed in the report (null for unnumbered paragraphs, bullets and headings).</summary>
    [JsonPropertyName("paragraph")] public int? Paragraph { get; init; }
    /// <summary>The paragraph's position in the report, counting every paragraph from 0 (an addition to the contract).</summary>
    [JsonPropertyName("paragraph_index")] public int ParagraphIndex { get; init; }
    /// <summary>The sentence's position within its paragraph, from 1.</summary>
    [JsonPropertyName("sentence")] public int Sentence { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("is_leadership_extract")] public bool IsLeadershipExtract { get; init; }
    /// <summary>The themes over their thresholds (empty list: no theme; null: the run had no models).</summary>
    [JsonPropertyName("themes")] public List<string>? Themes { get; init; }
    [JsonPropertyName("p_leadership")] public float? PLeadership { get; init; }
    [JsonPropertyName("p_scrutiny")] public float? PScrutiny { get; init; }
    [JsonPropertyName("p_corporate_parenting")] public float? PCorporateParenting { get; init; }
    [JsonPropertyName("p_partnerships")] public float? PPartnerships { get; init; }
    [JsonPropertyName("p_performance_management")] public float? PPerformanceManagement { get; init; }
    [JsonPropertyName("p_workforce")] public float? PWorkforce { get; init; }
    [JsonPropertyName("p_voice_of_child")] public float? PVoiceOfChild { get; init; }
    [JsonPropertyName("p_sufficiency")] public float? PSufficiency { get; init; }
    [JsonPropertyName("stance")] public string? Stance { get; init; }
    [JsonPropertyName("stance_confidence")] public float? StanceConfidence { get; init; }
    [JsonPropertyName("grade_leadership")] public string? GradeLeadership { get; init; }
    [JsonPropertyName("grade_overall_effectiveness")] public string? GradeOverallEffectiveness { get; init; }
    [JsonPropertyName("model_version")] public string? ModelVersion { get; init; }
}
