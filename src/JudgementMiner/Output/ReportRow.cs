using System.Text.Json.Serialization;
using JudgementMiner.Ingestion;
using Parquet.Serialization.Attributes;

namespace JudgementMiner.Output;

/// <summary>
/// One row of <c>reports.parquet</c>: the data contract in docs (schema <see cref="DatasetSchema.Version"/>). Made once,
/// by <see cref="DatasetRowMapper"/>, from the stages' typed results; nothing changes a row after that (a carried row
/// that is re-tagged is a new row made with <c>with</c>). Enumerated values are their contract strings here; the
/// typed views (<see cref="ReportStatus"/>, <see cref="Failure"/>) are beside them.
/// </summary>
public sealed record ReportRow
{
    [JsonPropertyName("report_id")] public string ReportId { get; init; } = "";
    [JsonPropertyName("source_path")] public string SourcePath { get; init; } = "";
    [JsonPropertyName("file_sha256")] public string FileSha256 { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>The typed <see cref="Status"/>.</summary>
    [JsonIgnore, ParquetIgnore] public ReportStatus ReportStatus => ReportStatusNames.Parse(Status);

    [JsonIgnore, ParquetIgnore] public bool IsOk => Status == ReportStatusNames.Ok;

    /// <summary>The kind of failure the <see cref="Error"/> names, or null for an ok row.</summary>
    [JsonIgnore, ParquetIgnore] public IngestionFailure? Failure => IngestionFailureNames.OfError(Error);

    /// <summary>Extraction warnings joined by " | " (for example a table grade that a section heading contradicts).</summary>
    [JsonPropertyName("warnings")] public string? Warnings { get; init; }
    [JsonPropertyName("local_authority")] public string? LocalAuthority { get; init; }
    [JsonPropertyName("la_code")] public string? LaCode { get; init; }
    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("framework")] public string Framework { get; init; } = "unknown";
    /// <summary>Schema 2: <c>inspection</c>, <c>focused_visit</c>, <c>jtai</c>, <c>area_send</c> or <c>other</c> (null when the file could not be read).</summary>
    [JsonPropertyName("inspection_type")] public string? InspectionType { get; init; }
    /// <summary>Schema 2: the council or trust as the document names it; <see cref="LocalAuthority"/> is the council it is about.</summary>
    [JsonPropertyName("provider")] public string? Provider { get; init; }
    /// <summary>Schema 2: the sentence saying what a visit or inspection looked at, as printed (letters only).</summary>
    [JsonPropertyName("visit_focus")] public string? VisitFocus { get; init; }
    /// <summary>Schema 2: codebook section 4 values of a focused visit's or joint inspection's focus (null for other documents).</summary>
    [JsonPropertyName("visit_themes")] public List<string>? VisitThemes { get; init; }
    /// <summary>Schema 2: the number of areas for priority action (0 when a letter has none; null for a full inspection).</summary>
    [JsonPropertyName("priority_actions")] public int? PriorityActions { get; init; }
    /// <summary>Schema 2: an area SEND inspection's outcome, <c>positive</c>, <c>inconsistent</c> or <c>systemic</c>.</summary>
    [JsonPropertyName("send_outcome")] public string? SendOutcome { get; init; }
    /// <summary>Schema 2: every inspector the document names, in printed order.</summary>
    [JsonPropertyName("inspectors")] public List<string>? Inspectors { get; init; }
    [JsonPropertyName("inspection_start")] public DateOnly? InspectionStart { get; init; }
    [JsonPropertyName("inspection_end")] public DateOnly? InspectionEnd { get; init; }
    [JsonPropertyName("publication_date")] public DateOnly? PublicationDate { get; init; }
    [JsonPropertyName("lead_inspector")] public string? LeadInspector { get; init; }
    [JsonPropertyName("grade_overall_effectiveness")] public string? GradeOverallEffectiveness { get; init; }
    [JsonPropertyName("grade_leadership")] public string? GradeLeadership { get; init; }
    [JsonPropertyName("grade_help_and_protection")] public string? GradeHelpAndProtection { get; init; }
    [JsonPropertyName("grade_children_in_care")] public string? GradeChildrenInCare { get; init; }
    [JsonPropertyName("grade_care_leavers")] public string? GradeCareLeavers { get; init; }
    [JsonPropertyName("grade_adoption")] public string? GradeAdoption { get; init; }
    [JsonPropertyName("grade_lscb")] public string? GradeLscb { get; init; }
    /// <summary>Judgements with no column of their own (reports before 2013), as "name=grade; name=grade".</summary>
    [JsonPropertyName("other_judgements")] public string? OtherJudgements { get; init; }
    [JsonPropertyName("page_count")] public int? PageCount { get; init; }
    [JsonPropertyName("sentence_count")] public int? SentenceCount { get; init; }
    [JsonPropertyName("pipeline_version")] public string PipelineVersion { get; init; } = "";
    [JsonPropertyName("model_version")] public string? ModelVersion { get; init; }
    /// <summary>The leadership grade the leadership section's text implies, grade statements removed (null without the text-grade models).</summary>
    [JsonPropertyName("predicted_grade_leadership")] public string? PredictedGradeLeadership { get; init; }
    [JsonPropertyName("p_grade_outstanding")] public float? PGradeOutstanding { get; init; }
    [JsonPropertyName("p_grade_good")] public float? PGradeGood { get; init; }
    [JsonPropertyName("p_grade_requires_improvement")] public float? PGradeRequiresImprovement { get; init; }
    [JsonPropertyName("p_grade_inadequate")] public float? PGradeInadequate { get; init; }
    /// <summary>True when the report was in the text-grade models' training corpus and was predicted by the fold model that held its council out.</summary>
    [JsonPropertyName("predicted_grade_held_out")] public bool? PredictedGradeHeldOut { get; init; }
}
