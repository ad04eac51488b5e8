// Round 3 draw (data/labels/SAMPLING.md). Run as a console program that references src/JudgementMiner, from the
// repository root: dotnet run -- <dataset folder of a run over ../shared/corpus with the themes-5cce6594ccc3 models>
// Appends the drawn rows to data/labels/sample.csv and writes the readers' batches to data/labels/batches/round3-N.csv.
using System.Globalization;
using CsvHelper;
using JudgementMiner.Output;

const int Seed = 20261130;
var dataset = await Dataset.OpenAsync(args[0]);
var extracts = await dataset.ReadExtractsAsync();
var reports = (await dataset.ReadReportsAsync()).GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.First()); // a report id is the file hash: copies share it
var samplePath = Path.Combine("data", "labels", "sample.csv");
var drawn = new HashSet<(string, string)>();
List<Dictionary<string, string>> sample;
string[] header;
using (var reader = new StreamReader(samplePath))
using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
{
    csv.Read(); csv.ReadHeader(); header = csv.HeaderRecord!;
    sample = [];
    while (csv.Read()) sample.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
}
foreach (var row in sample) drawn.Add((row["report_id"], row["text"]));

var random = new Random(Seed);
var candidates = extracts.Select((e, i) => (e, i))
    .Where(x => x.e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 && !drawn.Contains((x.e.ReportId, x.e.Text)) && x.e.LocalAuthority is not null)
    .OrderBy(_ => random.Next()).ToList();
var strata = new (string Name, int Quota, Func<ExtractRow, bool> Take)[]
{
    ("round3_scrutiny", 450, e => e.PScrutiny >= 0.2f),
    ("round3_sufficiency", 250, e => e.PSufficiency >= 0.15f),
    ("round3_voice_of_child", 250, e => e.PVoiceOfChild >= 0.2f),
    ("round3_leadership_random", 450, e => e.IsLeadershipExtract),
};
var chosen = new List<(ExtractRow Extract, int Index, string Stratum)>();
var taken = new HashSet<int>();
foreach (var (name, quota, take) in strata)
{
    var perReport = new Dictionary<string, int>();
    foreach (var (e, i) in candidates)
    {
        if (chosen.Count(c => c.Stratum == name) == quota) break;
        if (taken.Contains(i) || !take(e) || perReport.GetValueOrDefault(e.ReportId) >= 2) continue;
        perReport[e.ReportId] = perReport.GetValueOrDefault(e.ReportId) + 1;
        taken.Add(i);
        chosen.Add((e, i, name));
    }
}
chosen = chosen.OrderBy(_ => random.Next()).ToList();
string Previous(int i) => i > 0 && extracts[i - 1].ReportId == extracts[i].ReportId && extracts[i - 1].ParagraphIndex == extracts[i].ParagraphIndex ? extracts[i - 1].Text : "";
var newRows = chosen.Select(c => new Dictionary<string, string>
{
    ["id"] = c.Extract.ExtractId, ["report_id"] = c.Extract.ReportId, ["la"] = c.Extract.LocalAuthority ?? "", ["framework"] = c.Extract.Framework,
    ["year"] = (c.Extract.PublicationDate?.Year ?? reports[c.Extract.ReportId].PublicationDate?.Year)?.ToString(CultureInfo.InvariantCulture) ?? "",
    ["section"] = c.Extract.Section, ["section_heading"] = c.Extract.SectionHeading ?? "", ["stratum"] = c.Stratum, ["text"] = c.Extract.Text,
    ["previous_text"] = Previous(c.Index),
}).ToList();
var columns = header.Contains("previous_text") ? header : [.. header, "previous_text"];
using (var writer = new StreamWriter(samplePath + ".tmp"))
using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
{
    foreach (var h in columns) csv.WriteField(h);
    csv.NextRecord();
    foreach (var row in sample.Concat(newRows))
    {
        foreach (var h in columns) csv.WriteField(row.GetValueOrDefault(h, ""));
        csv.NextRecord();
    }
}
File.Move(samplePath + ".tmp", samplePath, overwrite: true);

// Four batches for readers 11 to 14: what a reader sees is the sentence and its section heading, never a model's output.
Directory.CreateDirectory(Path.Combine("data", "labels", "batches"));
for (var b = 0; b < 4; b++)
{
    using var writer = new StreamWriter(Path.Combine("data", "labels", "batches", $"round3-{b + 11}.csv"));
    using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
    foreach (var h in new[] { "id", "section_heading", "text" }) csv.WriteField(h);
    csv.NextRecord();
    foreach (var row in newRows.Where((_, k) => k % 4 == b))
    {
        csv.WriteField(row["id"]); csv.WriteField(row["section_heading"]); csv.WriteField(row["text"]);
        csv.NextRecord();
    }
}
Console.WriteLine($"drew {newRows.Count}: {string.Join(", ", newRows.GroupBy(r => r["stratum"]).Select(g => $"{g.Key} {g.Count()}"))}; from {newRows.Select(r => r["report_id"]).Distinct().Count()} reports");
