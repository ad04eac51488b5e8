using JudgementMiner.Output;

namespace JudgementMiner.Evaluation;

/// <summary>One field of one report where the dataset and the truth differ ("" stands for "no such judgement").</summary>
public sealed record Disagreement(string Report, string Field, string Expected, string Actual);

/// <summary>Accuracy per field and every disagreement.</summary>
public sealed record GradeEvaluation(
    int Reports,
    int MissingFromDataset,
    IReadOnlyDictionary<string, (int Correct, int Total)> ByField,
    IReadOnlyList<Disagreement> Disagreements)
{
    public double Accuracy(IEnumerable<string> fields)
    {
        var selected = fields.Select(f => ByField[f]).ToList();
        var total = selected.Sum(s => s.Total);
        return total == 0 ? 0 : (double)selected.Sum(s => s.Correct) / total;
    }

    /// <summary>Judgement cells (report × judgement, "no such judgement" included) equal to the truth.</summary>
    public double GradeCellAccuracy => Accuracy(GradeTruth.GradeFields);

    /// <summary>Reports whose three dates are all right.</summary>
    public double DateReportAccuracy { get; init; }
}

/// <summary>
/// Compares a dataset's reports with the verified truth: every grade cell, the framework and the dates. Reports
/// are matched by their path tail "&lt;la folder&gt;/&lt;file&gt;"; a truth report absent from the dataset counts
/// as wrong in every field.
/// </summary>
public static class GradeEvaluator
{
    public static GradeEvaluation Evaluate(IEnumerable<ReportRow> rows, IReadOnlyList<GradeTruthRow> truth)
    {
        var byKey = new Dictionary<string, ReportRow>();
        foreach (var row in rows)
        {
            var directory = Path.GetFileName(Path.GetDirectoryName(row.SourcePath)) ?? "";
            byKey[directory + "/" + Path.GetFileName(row.SourcePath)] = row;
        }

        var fields = GradeTruth.GradeFields.Concat(["framework"]).Concat(GradeTruth.DateFields).Concat(["local_authority", "inspection_type"]).ToArray();
        var counts = fields.ToDictionary(f => f, _ => (Correct: 0, Total: 0));
        var disagreements = new List<Disagreement>();
        var missing = 0;
        var datesRight = 0;
        foreach (var expected in truth)
        {
            byKey.TryGetValue(expected.Key, out var row);
            if (row is null) missing++;
            var allDatesRight = true;
            foreach (var field in fields)
            {
                var want = field == "inspection_type"
                    // Every report of the truth file is a full inspection; a file that is not a report has no framework there.
                    ? (Normalise("framework", expected.Fields.GetValueOrDefault("framework", "")) == "" ? "" : "inspection")
                    : Normalise(field, expected.Fields.GetValueOrDefault(field, ""));
                var got = row is null ? "<missing>" : Normalise(field, ActualValue(row, field));
                var ok = want == got;
                counts[field] = (counts[field].Correct + (ok ? 1 : 0), counts[field].Total + 1);
                if (!ok)
                {
                    disagreements.Add(new Disagreement(expected.Key, field, want, got));
                    if (GradeTruth.DateFields.Contains(field)) allDatesRight = false;
                }
            }
            if (allDatesRight) datesRight++;
        }
        return new GradeEvaluation(truth.Count, missing, counts, disagreements)
        {
            DateReportAccuracy = truth.Count == 0 ? 0 : (double)datesRight / truth.Count,
        };
    }

    private static string ActualValue(ReportRow row, string field) => field switch
    {
        "overall_effectiveness" => row.GradeOverallEffectiveness ?? "",
        "leadership" => row.GradeLeadership ?? "",
        "help_and_protection" => row.GradeHelpAndProtection ?? "",
        "children_in_care" => row.GradeChildrenInCare ?? "",
        "care_leavers" => row.GradeCareLeavers ?? "",
        "adoption" => row.GradeAdoption ?? "",
        "lscb" => row.GradeLscb ?? "",
        "framework" => row.Framework,
        "inspection_start" => row.InspectionStart?.ToString("yyyy-MM-dd") ?? "",
        "inspection_end" => row.InspectionEnd?.ToString("yyyy-MM-dd") ?? "",
        "publication_date" => row.PublicationDate?.ToString("yyyy-MM-dd") ?? "",
        "local_authority" => row.LocalAuthority ?? "",
        "inspection_type" => row.InspectionType is "other" ? "" : row.InspectionType ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The truth leaves the framework of a file that is not a report empty; the dataset says "unknown".</summary>
    private static string Normalise(string field, string value) =>
        field == "framework" && value == "unknown" ? "" : value.Trim();
}
