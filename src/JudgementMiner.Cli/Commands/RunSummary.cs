using JudgementMiner.Output;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary>The table printed at the end of a run: files by status and framework, warnings, time and rate.</summary>
internal static class RunSummary
{
    public static void Print(IReadOnlyList<ReportRow> rows, IReadOnlyList<ExtractRow> extracts, TimeSpan elapsed, string outputDirectory)
    {
        var table = new Table().Title("JudgementMiner run").AddColumn("").AddColumn(new TableColumn("files").RightAligned());
        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => g.Key))
            table.AddRow($"status {group.Key}", group.Count().ToString());
        foreach (var group in rows.Where(r => r.Status == "ok").GroupBy(r => r.Framework).OrderBy(g => g.Key))
            table.AddRow($"framework {group.Key}", group.Count().ToString());
        table.AddRow("with extraction warnings", rows.Count(r => r.Warnings is not null).ToString());
        table.AddRow("matched to the LA lookup", rows.Count(r => r.LaCode is not null).ToString());
        table.AddRow("pages read", rows.Sum(r => r.PageCount ?? 0).ToString());
        table.AddRow("sentences (extracts)", extracts.Count.ToString());
        table.AddRow("leadership extracts", extracts.Count(e => e.IsLeadershipExtract).ToString());
        if (extracts.Count > 0 && extracts[0].ModelVersion is { } version)
        {
            table.AddRow("extracts with a theme", extracts.Count(e => e.Themes is { Count: > 0 }).ToString());
            table.AddRow("model version", version);
        }
        table.AddRow("time", $"{elapsed.TotalSeconds:0.0} s");
        table.AddRow("rate", $"{rows.Count / Math.Max(elapsed.TotalSeconds, 0.001):0.0} files/s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"wrote [bold]{Path.Combine(outputDirectory, DatasetSchema.ReportsFile)}[/] ({rows.Count} rows) and [bold]{Path.Combine(outputDirectory, DatasetSchema.ExtractsFile)}[/] ({extracts.Count} rows)");
    }
}
