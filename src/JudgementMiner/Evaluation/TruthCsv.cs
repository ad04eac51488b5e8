using System.Globalization;
using CsvHelper;

namespace JudgementMiner.Evaluation;

/// <summary>Reads a truth CSV (grades, letters) as one dictionary of column to value per row, checking its columns.</summary>
internal static class TruthCsv
{
    /// <param name="required">Columns the file must have; a missing one is an error naming the file, the columns and <paramref name="guide"/>.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path, IReadOnlyCollection<string> required, string guide)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? throw new InvalidDataException($"{path}: no header row");
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}: the columns {string.Join(", ", missing)} are missing (see {guide})");
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }
}
