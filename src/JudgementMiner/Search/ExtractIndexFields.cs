namespace JudgementMiner.Search;

/// <summary>The Lucene field names of the extract index (one document per extract).</summary>
public static class ExtractIndexFields
{
    public const string ExtractId = "extract_id";
    public const string ReportId = "report_id";
    public const string Text = "text";
    public const string Theme = "theme";
    public const string Stance = "stance";
    public const string StanceConfidence = "stance_confidence";
    public const string SectionGrade = "section_grade";
    public const string OverallGrade = "grade_overall_effectiveness";
    public const string LeadershipGrade = "grade_leadership";
    public const string Framework = "framework";
    /// <summary>The document's kind (schema 2): inspection, focused_visit, jtai, area_send.</summary>
    public const string InspectionType = "inspection_type";
    /// <summary>The overall effectiveness grade of the council's latest full inspection published on or before the document.</summary>
    public const string LastInspectionGrade = "last_inspection_grade";
    /// <summary>The name as <see cref="NormalisedName"/> makes it, for matching; <see cref="LocalAuthorityDisplay"/> keeps the printed name.</summary>
    public const string LocalAuthority = "la";
    public const string LocalAuthorityDisplay = "la_display";
    public const string Region = "region";
    public const string RegionDisplay = "region_display";
    /// <summary>The report's publication date as yyyymmdd (0 when unknown).</summary>
    public const string ReportDate = "report_date";
    public const string Section = "section";
    public const string SectionHeading = "section_heading";
    public const string Page = "page";
    public const string Paragraph = "paragraph";
    public const string Leadership = "is_leadership_extract";
    /// <summary>Lower case, letters and digits only, single spaces: "Bristol, City of" and "bristol city of" are one name.</summary>
    public static string NormalisedName(string name) =>
        string.Join(' ', new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>"p_&lt;theme&gt;", stored for ranking without a text query.</summary>
    public static string Probability(string theme) => "p_" + theme;
}
