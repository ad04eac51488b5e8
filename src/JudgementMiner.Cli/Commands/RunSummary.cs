using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary>The table printed at the end of a run: what was read, files by status, kind of document and framework, warnings, time and rate.</summary>
internal static class RunSummary
{
    public static void Print(RefreshOutcome outcome, TimeSpan elapsed, string outputDirectory)
    {
        if (!outcome.Wrote)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{outputDirectory}[/] is up to date: no new, changed or removed files ({elapsed.TotalSeconds:0.0} s)");
            return;
        }
        var rows = outcome.Reports;
        var extracts = outcome.Extracts;
        var plan = outcome.Plan;
        var table = new Table().Title("JudgementMiner run").AddColumn("").AddColumn(new TableColumn("files").RightAligned());
        table.AddRow("read in this run", outcome.ReadNow.Count.ToString());
        table.AddRow("carried over unchanged", plan.ToCarry.Count.ToString());
        if (plan.Removed.Count > 0) table.AddRow("removed (rows dropped)", plan.Removed.Count.ToString());
        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => g.Key))
            table.AddRow($"status {group.Key}", group.Count().ToString());
        foreach (var group in rows.Where(r => r.IsOk).GroupBy(r => r.InspectionType ?? "inspection").OrderBy(g => InspectionTypeNames.All.ToList().IndexOf(g.Key)))
            table.AddRow($"type {group.Key}", group.Count().ToString());
        foreach (var group in rows.Where(r => r.IsOk).GroupBy(r => r.Framework).OrderBy(g => g.Key))
            table.AddRow($"framework {group.Key}", group.Count().ToString());
        table.AddRow("with extraction warnings", rows.Count(r => r.Warnings is not null).ToString());
        table.AddRow("matched to the LA lookup", rows.Count(r => r.LaCode is not null).ToString());
        table.AddRow("pages read", rows.Sum(r => r.PageCount ?? 0).ToString());
        table.AddRow("sentences (extracts)", extracts.Rows.ToString());
        table.AddRow("leadership extracts", extracts.LeadershipExtracts.ToString());
        if (extracts.ModelVersion is { } version)
        {
            table.AddRow("extracts with a theme", extracts.WithATheme.ToString());
            table.AddRow("model version", version);
        }
        table.AddRow("generation", outcome.Generation ?? "");
        table.AddRow("time", $"{elapsed.TotalSeconds:0.0} s");
        if (outcome.ReadNow.Count > 0) table.AddRow("rate", $"{outcome.ReadNow.Count / Math.Max(outcome.ReadTime.TotalSeconds, 0.001):0.0} files/s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"wrote [bold]{Path.Combine(outputDirectory, DatasetSchema.ReportsFile)}[/] ({rows.Count} rows) and [bold]{Path.Combine(outputDirectory, DatasetSchema.ExtractsFile)}[/] ({extracts.Rows} rows)");
    }
}
