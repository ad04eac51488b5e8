using System.Globalization;
using CsvHelper;
using JudgementMiner.Output;

namespace JudgementMiner.Models;

/// <summary>
/// Adds to the annotation draw (<c>data/labels/sample.csv</c>) each sentence's <c>previous_text</c>: the sentence before
/// it in the same paragraph of the report, taken from a dataset built from the corpus. Sentences are found by report
/// and text rather than by extract id, because ids are sentence numbers and move when the splitter changes. A one-off
/// step of data preparation: <c>assemble_labels.py</c> then carries the column into <c>labels.csv</c>.
/// </summary>
public static class LabelContext
{
    /// <summary>Rewrites <paramref name="samplePath"/> with a previous_text column; returns how many sentences were found.</summary>
    public static async Task<(int Found, int Missing, int FirstInParagraph)> AddAsync(string samplePath, string datasetDirectory, CancellationToken cancellationToken = default)
    {
        var extracts = await (await Dataset.OpenAsync(datasetDirectory, cancellationToken)).ReadExtractsAsync(cancellationToken);
        // Rows are written in sentence order within each report.
        var byReport = extracts.GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.ToList());

        List<Dictionary<string, string>> rows;
        string[] header;
        using (var reader = new StreamReader(samplePath))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            header = csv.HeaderRecord!.Where(h => h != LabelSet.PreviousColumn).Append(LabelSet.PreviousColumn).ToArray();
            rows = [];
            while (csv.Read())
                rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        int found = 0, missing = 0, first = 0;
        foreach (var row in rows)
        {
            var index = byReport.TryGetValue(row["report_id"], out var sentences) ? sentences.FindIndex(s => s.Text == row["text"]) : -1;
            if (index < 0)
            {
                missing++;
                row[LabelSet.PreviousColumn] = "";
                continue;
            }
            found++;
            var previous = index > 0 && sentences![index - 1].ParagraphIndex == sentences[index].ParagraphIndex ? sentences[index - 1].Text : "";
            if (previous.Length == 0) first++;
            row[LabelSet.PreviousColumn] = previous;
        }

        AtomicFile.Write(samplePath, writer =>
        {
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var h in header) csv.WriteField(row[h]);
                csv.NextRecord();
            }
        });
        return (found, missing, first);
    }
}
