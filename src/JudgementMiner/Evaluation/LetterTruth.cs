using System.Globalization;
using CsvHelper;

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

    public static IReadOnlyList<LetterTruthRow> Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? throw new InvalidDataException($"{path}: no header row");
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}: the columns {string.Join(", ", missing)} are missing (see data/truth/LETTERS_GUIDE.md)");
        var rows = new List<LetterTruthRow>();
        while (csv.Read())
        {
            var fields = header.ToDictionary(h => h, h => csv.GetField(h) ?? "");
            rows.Add(new LetterTruthRow(fields["file"], fields));
        }
        return rows;
    }
}
