using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JudgementMiner.Analysis;
using JudgementMiner.Models;
using JudgementMiner.Output;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer stats --dataset DIR</c>: themes and stance of leadership extracts against grades, framework and year.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run' (with theme models).", Required = true };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Where to write the CSV tables and PNG charts (default: <dataset>/stats)." };
        var noCharts = new Option<bool>("--no-charts") { Description = "Write the CSV tables only." };
        var command = new Command("stats",
            "For each theme: how often it appears in leadership extracts and with what stance, by leadership grade, overall grade, " +
            "framework and year; the negative share per grade with 95% intervals and a test of independence. Tables on the console, CSV and PNG in --out.")
            { dataset, output, noCharts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            var outputPath = parse.GetValue(output)?.FullName ?? Path.Combine(datasetPath, "stats");
            var opened = await DatasetFolder.OpenAsync(datasetPath, cancellationToken);
            if (opened is null) return ExitCodes.UsageError;
            var clock = Stopwatch.StartNew();
            IReadOnlyList<ThemedExtract> extracts;
            IReadOnlyList<ReportRow> reports;
            try
            {
                reports = await opened.ReadReportsAsync(cancellationToken);
                extracts = ThemedExtracts.FromDataset(reports, await opened.ReadExtractsAsync(cancellationToken));
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {datasetPath}: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
            if (extracts.Count == 0)
            {
                Console.Error.WriteLine($"error: {datasetPath} holds no leadership extracts of processed reports");
                return ExitCodes.UsageError;
            }
            var statistics = ThemeStatistics.Compute(extracts, reports);
            // Redirected output would be cut to 80 columns; the tables need more to stay one line per row.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 170;
            Print(statistics);
            var written = new List<string>(StatsCsv.WriteAll(outputPath, statistics));
            if (!parse.GetValue(noCharts)) written.AddRange(StatsCharts.WriteAll(outputPath, statistics.Frequencies));
            AnsiConsole.MarkupLineInterpolated($"[grey]wrote {written.Count} files to {outputPath} in {clock.Elapsed.TotalSeconds:0.0} s[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(ThemeStatistics statistics)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{statistics.LeadershipExtracts:N0} leadership extracts of {statistics.Reports} reports[/]");
        PrintShares(statistics.Frequencies, ThemeFrequency.ByLeadershipGrade, "Share of leadership extracts with each theme, by leadership grade");
        PrintStance(statistics);
        PrintShares(statistics.Frequencies, ThemeFrequency.ByOverallGrade, "Share of leadership extracts with each theme, by overall effectiveness grade");
        PrintShares(statistics.Frequencies, ThemeFrequency.ByFramework, "Share of leadership extracts with each theme, by framework");
        PrintShares(statistics.Frequencies, ThemeFrequency.ByInspectionType, "Share of leadership extracts with each theme, by kind of document (full inspections and letters)");
        PrintShares(statistics.Frequencies, ThemeFrequency.ByYear, "Share of leadership extracts with each theme, by year the inspection ended", groupsAsRows: true);
        PrintDisagreements(statistics.GradeDisagreements);
    }

    private const int DisagreementsShown = 15;

    /// <summary>The reports whose leadership text most disagrees with their leadership grade (all of them are in the CSV).</summary>
    private static void PrintDisagreements(IReadOnlyList<GradeDisagreement> disagreements)
    {
        if (disagreements.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No text-implied grades in this dataset (the models folder had no text-grade models).[/]");
            return;
        }
        var differ = disagreements.Count(d => d.PredictedGrade != d.AwardedGrade);
        var table = new Table().Title($"Reports whose leadership text most disagrees with their leadership grade ({differ} of {disagreements.Count} differ; largest gaps)")
            .AddColumn("council").AddColumn("published").AddColumn("framework").AddColumn("awarded").AddColumn("text implies")
            .AddColumn(new TableColumn("gap").RightAligned()).AddColumn(new TableColumn("P(out/good/RI/inad)").RightAligned()).AddColumn("held out");
        foreach (var d in disagreements.Take(DisagreementsShown))
            table.AddRow(d.LocalAuthority ?? d.ReportId, d.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", d.Framework,
                GradeScale.Short(d.AwardedGrade), GradeScale.Short(d.PredictedGrade), $"{d.Gap:+0.00;-0.00}",
                string.Join(" ", d.Probabilities.Select(p => $"{p:0.00}")), d.HeldOut ? "yes" : "no");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]gap: the text's expected grade minus the awarded one, in grades (negative: the text reads better than the grade). " +
                               "held out: predicted by a model that never saw this council's reports.[/]");
    }

    /// <summary>Themes against the groups of one dimension; each cell is the theme's share and its count of extracts.</summary>
    private static void PrintShares(IReadOnlyList<ThemeFrequencyRow> rows, string dimension, string title, bool groupsAsRows = false)
    {
        var selected = rows.Where(r => r.Dimension == dimension).ToList();
        var groups = selected.Select(r => r.Group).Distinct().ToList();
        var table = new Table().Title(title);
        string Cell(string theme, string group)
        {
            var row = selected.First(r => r.Theme == theme && r.Group == group);
            return $"{100 * row.Share:0.0}% ({row.ThemeExtracts})";
        }
        string Header(string group)
        {
            var first = selected.First(r => r.Group == group);
            return $"{GradeScale.Short(group)}\n{first.Reports} reports";
        }
        if (groupsAsRows)
        {
            table.AddColumn("group").AddColumn(new TableColumn("reports").RightAligned());
            foreach (var theme in Themes.All) table.AddColumn(new TableColumn(theme.Replace('_', ' ')).RightAligned());
            foreach (var group in groups)
                table.AddRow([group, selected.First(r => r.Group == group).Reports.ToString(CultureInfo.InvariantCulture),
                    .. Themes.All.Select(theme => $"{100 * selected.First(r => r.Theme == theme && r.Group == group).Share:0.0}%")]);
        }
        else
        {
            table.AddColumn(new TableColumn("theme").NoWrap());
            foreach (var group in groups) table.AddColumn(new TableColumn(Header(group)).RightAligned());
            foreach (var theme in Themes.All) table.AddRow([theme, .. groups.Select(group => Cell(theme, group))]);
        }
        AnsiConsole.Write(table);
    }

    private static void PrintStance(ThemeStatistics statistics)
    {
        var grades = statistics.NegativeShares.Select(s => s.Grade).Distinct().OrderBy(GradeScale.Rank).ToList();
        var table = new Table().Title("Negative share of each theme's leadership extracts by leadership grade (95% interval, reports resampled), and the test of independence of stance and grade");
        table.AddColumn(new TableColumn("theme").NoWrap());
        foreach (var grade in grades) table.AddColumn(new TableColumn(GradeScale.Short(grade)).RightAligned());
        table.AddColumn(new TableColumn("chi² (df)").RightAligned()).AddColumn(new TableColumn("p (permutation)").RightAligned())
            .AddColumn(new TableColumn("p (asymptotic)").RightAligned()).AddColumn(new TableColumn("Cramér's V").RightAligned());
        foreach (var test in statistics.IndependenceTests)
        {
            var cells = grades.Select(grade =>
            {
                var share = statistics.NegativeShares.FirstOrDefault(s => s.Theme == test.Theme && s.Grade == grade);
                return share is null ? "-" : $"{100 * share.Share:0}% ({100 * share.Low:0}-{100 * share.High:0})";
            });
            table.AddRow([test.Theme, .. cells, $"{test.ChiSquare:0.0} ({test.DegreesOfFreedom})", FormatP(test.PermutationP),
                FormatP(test.AsymptoticP), $"{test.CramersV:0.00}"]);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]The permutation p-value shuffles grades between reports (extracts of one report are not independent); " +
                               "the asymptotic p-value treats every extract as independent and is too small.[/]");
    }

    private static string FormatP(double p) => p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
