using System.Text.Json.Serialization;

namespace JudgementMiner.Output;

/// <summary>One row of <c>reports.parquet</c>: the data contract in docs (schema <see cref="DatasetSchema.Version"/>).</summary>
public sealed class ReportRow
{
    [JsonPropertyName("report_id")] public string ReportId { get; set; } = "";
    [JsonPropertyName("source_path")] public string SourcePath { get; set; } = "";
    [JsonPropertyName("file_sha256")] public string FileSha256 { get; set; } = "";
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("error")] public string? Error { get; set; }
    /// <summary>Extraction warnings joined by " | " (for example a table grade that a section heading contradicts).</summary>
    [JsonPropertyName("warnings")] public string? Warnings { get; set; }
    [JsonPropertyName("local_authority")] public string? LocalAuthority { get; set; }
    [JsonPropertyName("la_code")] public string? LaCode { get; set; }
    [JsonPropertyName("region")] public string? Region { get; set; }
    [JsonPropertyName("framework")] public string Framework { get; set; } = "unknown";
    [JsonPropertyName("inspection_start")] public DateOnly? InspectionStart { get; set; }
    [JsonPropertyName("inspection_end")] public DateOnly? InspectionEnd { get; set; }
    [JsonPropertyName("publication_date")] public DateOnly? PublicationDate { get; set; }
    [JsonPropertyName("lead_inspector")] public string? LeadInspector { get; set; }
    [JsonPropertyName("grade_overall_effectiveness")] public string? GradeOverallEffectiveness { get; set; }
    [JsonPropertyName("grade_leadership")] public string? GradeLeadership { get; set; }
    [JsonPropertyName("grade_help_and_protection")] public string? GradeHelpAndProtection { get; set; }
    [JsonPropertyName("grade_children_in_care")] public string? GradeChildrenInCare { get; set; }
    [JsonPropertyName("grade_care_leavers")] public string? GradeCareLeavers { get; set; }
    [JsonPropertyName("grade_adoption")] public string? GradeAdoption { get; set; }
    [JsonPropertyName("grade_lscb")] public string? GradeLscb { get; set; }
    /// <summary>Judgements with no column of their own (reports before 2013), as "name=grade; name=grade".</summary>
    [JsonPropertyName("other_judgements")] public string? OtherJudgements { get; set; }
    [JsonPropertyName("page_count")] public int? PageCount { get; set; }
    [JsonPropertyName("sentence_count")] public int? SentenceCount { get; set; }
    [JsonPropertyName("pipeline_version")] public string PipelineVersion { get; set; } = "";
    [JsonPropertyName("model_version")] public string? ModelVersion { get; set; }
    /// <summary>The leadership grade the leadership section's text implies, grade statements removed (null without the text-grade models).</summary>
    [JsonPropertyName("predicted_grade_leadership")] public string? PredictedGradeLeadership { get; set; }
    [JsonPropertyName("p_grade_outstanding")] public float? PGradeOutstanding { get; set; }
    [JsonPropertyName("p_grade_good")] public float? PGradeGood { get; set; }
    [JsonPropertyName("p_grade_requires_improvement")] public float? PGradeRequiresImprovement { get; set; }
    [JsonPropertyName("p_grade_inadequate")] public float? PGradeInadequate { get; set; }
    /// <summary>True when the report was in the text-grade models' training corpus and was predicted by the fold model that held its council out.</summary>
    [JsonPropertyName("predicted_grade_held_out")] public bool? PredictedGradeHeldOut { get; set; }
}
