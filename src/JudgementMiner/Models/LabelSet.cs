using System.Globalization;
using CsvHelper;

namespace JudgementMiner.Models;

/// <summary>
/// Reads data/labels/labels.csv (columns id, report_id, la, framework, year, section, section_heading, stratum, text,
/// themes, stance, annotator, note, and optionally previous_text). Bad rows are errors that name the file and the line.
/// </summary>
public static class LabelSet
{
    public const string FileName = "labels.csv";

    /// <summary>The optional column holding the sentence before each one in its paragraph.</summary>
    public const string PreviousColumn = "previous_text";

    public static IReadOnlyList<LabelledSentence> Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var hasPrevious = csv.HeaderRecord!.Contains(PreviousColumn);
        var rows = new List<LabelledSentence>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string name) => csv.GetField(name) ?? throw new InvalidDataException($"{path}:{line}: no column '{name}'");
            var themes = Field("themes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
            var unknown = themes.FirstOrDefault(t => !Themes.IsTheme(t));
            if (unknown is not null) throw new InvalidDataException($"{path}:{line}: '{unknown}' is not a theme of the codebook");
            var stance = Field("stance").Trim();
            if (!Themes.IsStance(stance)) throw new InvalidDataException($"{path}:{line}: '{stance}' is not a stance of the codebook");
            rows.Add(new LabelledSentence(Field("id"), Field("report_id"), Field("la"), Field("framework"), Field("section"), Field("text"),
                themes, stance, Field("annotator"), hasPrevious ? Field(PreviousColumn) : ""));
        }
        return rows;
    }
}
