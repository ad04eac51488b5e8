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
}
