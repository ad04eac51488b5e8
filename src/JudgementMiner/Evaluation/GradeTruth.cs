namespace JudgementMiner.Evaluation;

/// <summary>One verified row of the truth file (shared/truth/grades_dev.csv): a report's expected facts.</summary>
public sealed record GradeTruthRow(string LaFolder, string File, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The path tail that identifies the report: "&lt;la folder&gt;/&lt;file&gt;".</summary>
    public string Key => LaFolder + "/" + File;
}

public static class GradeTruth
{
    /// <summary>The truth columns compared with the dataset, named as in the truth file.</summary>
    public static readonly string[] GradeFields =
        ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers", "adoption", "lscb"];

    public static readonly string[] DateFields = ["inspection_start", "inspection_end", "publication_date"];

    public static IReadOnlyList<GradeTruthRow> Load(string path) =>
        TruthCsv.Read(path, ["la_folder", "file"], "../shared/truth/grades_dev.csv")
            .Select(fields => new GradeTruthRow(fields["la_folder"], fields["file"], fields)).ToList();
}
