namespace JudgementMiner.Evaluation;

/// <summary>One row of <c>data/truth/letters_dev.csv</c>: a letter's facts as a reader found them (see LETTERS_GUIDE.md there).</summary>
public sealed record LetterTruthRow(string File, IReadOnlyDictionary<string, string> Fields)
{
    public string Value(string field) => Fields.GetValueOrDefault(field, "").Trim();
}

public static class LetterTruth
{
    /// <summary>The columns every truth file must have.</summary>
    public static readonly string[] Columns =
    [
        "file", "inspection_type", "framework", "provider", "local_authority", "la_code", "region", "inspection_start", "inspection_end",
        "publication_date", "visit_focus", "visit_themes", "priority_actions", "send_outcome", "inspectors",
    ];

    public static IReadOnlyList<LetterTruthRow> Load(string path) =>
        TruthCsv.Read(path, Columns, "data/truth/LETTERS_GUIDE.md").Select(fields => new LetterTruthRow(fields["file"], fields)).ToList();
}
