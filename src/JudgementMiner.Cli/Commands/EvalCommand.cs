using System.CommandLine;
using JudgementMiner.Evaluation;
using JudgementMiner.Output;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer eval grades --dataset DIR --truth CSV</c>: accuracy per field against verified truth, and every miss.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Evaluate extraction against verified data.");
        eval.Subcommands.Add(CreateGrades());
        return eval;
    }

    private static Command CreateGrades()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run'.", Required = true };
        var truth = new Option<FileInfo>("--truth", "-t") { Description = "The truth CSV (e.g. ../shared/truth/grades_dev.csv).", Required = true };
        var minGrades = new Option<double?>("--min-grade-accuracy") { Description = "Fail (exit 1) when grade-cell accuracy is below this (0-1)." };
        var minFramework = new Option<double?>("--min-framework-accuracy") { Description = "Fail (exit 1) when framework accuracy is below this (0-1)." };
        var minDates = new Option<double?>("--min-date-accuracy") { Description = "Fail (exit 1) when the share of reports with all dates right is below this (0-1)." };
        var command = new Command("grades", "Compare extracted grades, framework and dates with the truth file.")
            { dataset, truth, minGrades, minFramework, minDates };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            var truthPath = parse.GetRequiredValue(truth).FullName;
            if (!File.Exists(Path.Combine(datasetPath, DatasetSchema.ReportsFile)))
            {
                Console.Error.WriteLine($"error: {datasetPath} has no {DatasetSchema.ReportsFile}; run 'judgementminer run' first");
                return ExitCodes.UsageError;
            }
            if (!File.Exists(truthPath))
            {
                Console.Error.WriteLine($"error: truth file not found: {truthPath}");
                return ExitCodes.UsageError;
            }
            var rows = await DatasetWriter.ReadReportsAsync(datasetPath, cancellationToken);
            var result = GradeEvaluator.Evaluate(rows, GradeTruth.Load(truthPath));
            Print(result);

            var failures = new List<string>();
            Check(failures, "grade-cell accuracy", result.GradeCellAccuracy, parse.GetValue(minGrades));
            Check(failures, "framework accuracy", result.Accuracy(["framework"]), parse.GetValue(minFramework));
            Check(failures, "date accuracy", result.DateReportAccuracy, parse.GetValue(minDates));
            foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }

    private static void Check(List<string> failures, string name, double value, double? minimum)
    {
        if (minimum is { } bar && value < bar) failures.Add($"{name} {value:P2} is below {bar:P2}");
    }

    private static void Print(GradeEvaluation result)
    {
        var table = new Table().Title($"Extraction vs truth ({result.Reports} reports, {result.MissingFromDataset} missing from the dataset)")
            .AddColumn("field").AddColumn(new TableColumn("correct").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (var (field, (correct, total)) in result.ByField)
            table.AddRow(field, $"{correct}/{total}", $"{(double)correct / Math.Max(total, 1):P2}");
        table.AddRow("[bold]judgement cells (7 per report)[/]", "", $"[bold]{result.GradeCellAccuracy:P2}[/]");
        table.AddRow("[bold]reports with all dates right[/]", "", $"[bold]{result.DateReportAccuracy:P2}[/]");
        AnsiConsole.Write(table);

        Console.WriteLine(result.Disagreements.Count == 0 ? "No disagreements." : $"{result.Disagreements.Count} disagreements:");
        foreach (var miss in result.Disagreements)
            Console.WriteLine($"  {miss.Report} | {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");
    }
}
