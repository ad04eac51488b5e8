using JudgementMiner.Evaluation;
using JudgementMiner.Output;

namespace JudgementMiner.Tests;

public class EvaluationTests
{
    private static ExtractRow Extract(string text, string section = "leadership", string report = "r1") =>
        new() { ReportId = report, Text = text, Section = section, LocalAuthority = "Somewhere", Page = 3 };

    [Fact]
    public void Text_checks_flag_footers_page_numbers_contents_lines_and_lengths()
    {
        var reports = new List<ReportRow>
        {
            new() { ReportId = "r1", Status = "ok", Framework = "ilacs", GradeLeadership = "good", SourcePath = "a.pdf" },
            new() { ReportId = "r2", Status = "ok", Framework = "sif", GradeLeadership = "inadequate", SourcePath = "b.pdf" },
        };
        var extracts = new List<ExtractRow>
        {
            Extract("Leaders know their services well."),
            Extract("Inspection of Dorset local authority children’s services 17 to 21 March 2025 Leaders are ambitious."),
            Extract("Inspection of the effectiveness of the local safeguarding children board: Hull 3"),
            Extract("Summary of findings 3 What does the local authority need to improve? 4"),
            Extract("Good"),
            Extract("Overall effectiveness Inadequate Grade 4", "other"),
            Extract("Practice is variable.", "help_and_protection", "r2"),
        };
        var quality = TextQualityReport.Evaluate(reports, extracts);
        Assert.Equal(1, quality.Count(TextQualityReport.Footer));
        Assert.Equal(2, quality.Count(TextQualityReport.PageNumber)); // the Hull header and the contents line; not "Grade 4"
        Assert.Equal(1, quality.Count(TextQualityReport.ContentsLine));
        Assert.Equal(1, quality.Count(TextQualityReport.TooShort));
        Assert.Equal(["b.pdf"], quality.LeadershipSectionMissing);
    }

    [Fact]
    public void Grade_evaluation_counts_every_cell_and_lists_every_miss()
    {
        var truth = GradeTruth.Load(Fixtures.TruthFile);
        var rows = truth.Select(t => new ReportRow
        {
            SourcePath = Path.Combine("x", t.LaFolder, t.File),
            Framework = t.Fields["framework"] == "" ? "unknown" : t.Fields["framework"],
            GradeOverallEffectiveness = Empty(t.Fields["overall_effectiveness"]),
            GradeLeadership = Empty(t.Fields["leadership"]),
            GradeHelpAndProtection = Empty(t.Fields["help_and_protection"]),
            GradeChildrenInCare = Empty(t.Fields["children_in_care"]),
            GradeCareLeavers = Empty(t.Fields["care_leavers"]),
            GradeAdoption = Empty(t.Fields["adoption"]),
            GradeLscb = Empty(t.Fields["lscb"]),
            InspectionStart = Date(t.Fields["inspection_start"]),
            InspectionEnd = Date(t.Fields["inspection_end"]),
            PublicationDate = Date(t.Fields["publication_date"]),
            LocalAuthority = Empty(t.Fields["local_authority"]),
        }).ToList();
        Assert.Equal(1.0, GradeEvaluator.Evaluate(rows, truth).GradeCellAccuracy);

        rows[0] = rows[0] with { GradeLeadership = rows[0].GradeLeadership == "good" ? "inadequate" : "good" };
        var result = GradeEvaluator.Evaluate(rows.Skip(0).Take(rows.Count - 1), truth);
        Assert.Equal(1, result.MissingFromDataset);
        Assert.Contains(result.Disagreements, d => d.Field == "leadership" && d.Report == truth[0].Key);
        Assert.True(result.GradeCellAccuracy < 1.0);
    }

    private static string? Empty(string value) => value == "" ? null : value;

    private static DateOnly? Date(string value) => value == "" ? null : DateOnly.Parse(value);
}
