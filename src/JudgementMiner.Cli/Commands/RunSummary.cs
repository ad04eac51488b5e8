using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary>The table printed at the end of a run: files by status and framework, warnings, time and rate.</summary>
internal static class RunSummary
{
    public static void Print(IReadOnlyList<IngestedReport> results, TimeSpan elapsed, string datasetPath)
    {
        var table = new Table().Title("JudgementMiner run").AddColumn("").AddColumn(new TableColumn("files").RightAligned());
        foreach (var group in results.GroupBy(r => r.Status).OrderBy(g => g.Key))
            table.AddRow($"status {group.Key.Canonical()}", group.Count().ToString());
        foreach (var group in results.Where(r => r.Status == ReportStatus.Ok).GroupBy(r => r.Facts!.Framework).OrderBy(g => g.Key))
            table.AddRow($"framework {group.Key.Canonical()}", group.Count().ToString());
        table.AddRow("with extraction warnings", results.Count(r => r.Warnings.Count > 0).ToString());
        table.AddRow("pages read", results.Sum(r => r.PageCount ?? 0).ToString());
        table.AddRow("time", $"{elapsed.TotalSeconds:0.0} s");
        table.AddRow("rate", $"{results.Count / Math.Max(elapsed.TotalSeconds, 0.001):0.0} files/s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"wrote [bold]{datasetPath}[/] ({results.Count} rows)");
    }
}
