using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JudgementMiner.Grading;
using JudgementMiner.Output;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary>
/// <c>judgementminer eval text-grade --dataset DIR</c> (grouped cross-validation of the text-implied grade) and
/// <c>judgementminer train text-grade --dataset DIR</c> (the shipped cross-fitted models).
/// </summary>
internal static class TextGradeCommands
{
    public static Command CreateEval()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A dataset written by 'judgementminer run' with theme models (the whole corpus).", Required = true };
        var minGain = new Option<double?>("--min-gain") { Description = "Fail (exit 1) when exact accuracy beats the majority baseline by less than this (0-1)." };
        var minWithinOne = new Option<double?>("--min-within-one") { Description = "Fail (exit 1) when accuracy within one grade is below this (0-1)." };
        var command = new Command("text-grade",
            "Cross-validate the text-implied leadership grade (5 folds grouped by council): exact and within-one accuracy, macro F1, confusion matrix, majority baseline.")
            { dataset, minGain, minWithinOne };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var texts = await LoadAsync(parse.GetRequiredValue(dataset).FullName, cancellationToken);
            if (texts is null) return ExitCodes.UsageError;
            var evaluation = GradeTextEvaluation.Run(texts, new Progress<string>(m => Console.Error.WriteLine($"  {m}")));
            Print(evaluation, texts);
            var failures = new List<string>();
            if (parse.GetValue(minGain) is { } gain && evaluation.ExactAccuracy - evaluation.BaselineAccuracy < gain)
                failures.Add($"exact accuracy {evaluation.ExactAccuracy:P1} is less than {gain:P0} above the baseline's {evaluation.BaselineAccuracy:P1}");
            if (parse.GetValue(minWithinOne) is { } within && evaluation.WithinOneAccuracy < within)
                failures.Add($"accuracy within one grade {evaluation.WithinOneAccuracy:P1} is below {within:P0}");
            foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }

    public static Command CreateTrain()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A dataset of the whole corpus written by 'judgementminer run' with the shipped theme models.", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o")
            { Description = "Where to write the models.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("models", TextGradeModelSet.FolderName)) };
        var command = new Command("text-grade",
            "Train the text-implied grade models from a dataset's leadership sections and awarded grades: the full model and the five " +
            "cross-validation fold models, so every training report is later predicted by a model that never saw its council.")
            { dataset, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var texts = await LoadAsync(parse.GetRequiredValue(dataset).FullName, cancellationToken);
            if (texts is null) return ExitCodes.UsageError;
            var evaluation = GradeTextEvaluation.Run(texts, new Progress<string>(m => Console.Error.WriteLine($"  {m}")));
            Console.Error.WriteLine("  all reports");
            var full = GradeTextModel.Train(texts);
            var folder = parse.GetRequiredValue(output).FullName;
            TextGradeModelSet.Write(folder, full, evaluation);
            Print(evaluation, texts);
            Console.WriteLine($"Wrote the text-grade models ({TextGradeModelSet.VersionOf(folder)}) to {folder} in {clock.Elapsed.TotalSeconds:0.0} s.");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<IReadOnlyList<LeadershipText>?> LoadAsync(string datasetPath, CancellationToken cancellationToken)
    {
        if (await DatasetFolder.ReadAllAsync(datasetPath, cancellationToken) is not (var reports, var extracts)) return null;
        if (extracts.Any(e => e.Section == LeadershipText.LeadershipSection && e.Stance is null))
        {
            Console.Error.WriteLine($"error: {datasetPath} was written without theme models; the text-implied grade reads the stance of each sentence");
            return null;
        }
        return LeadershipText.FromDataset(reports, extracts);
    }

    internal static void Print(GradeTextEvaluation evaluation, IReadOnlyList<LeadershipText> texts)
    {
        var removed = texts.Sum(t => t.Removed);
        var total = texts.Sum(t => t.Removed + t.Sentences);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{evaluation.Reports} reports with a leadership grade[/]; {removed:N0} of {total:N0} leadership-section sentences removed as grade statements");
        var summary = new Table().AddColumn("measure").AddColumn(new TableColumn("text-implied grade").RightAligned())
            .AddColumn(new TableColumn($"majority baseline ({evaluation.MajorityGrade})").RightAligned());
        summary.AddRow("exact accuracy", $"{evaluation.ExactAccuracy:P1}", $"{evaluation.BaselineAccuracy:P1}");
        summary.AddRow("within one grade", $"{evaluation.WithinOneAccuracy:P1}", $"{evaluation.BaselineWithinOne:P1}");
        summary.AddRow("macro F1", $"{evaluation.MacroF1:0.000}", $"{2.0 * evaluation.BaselineAccuracy / (1 + evaluation.BaselineAccuracy) / GradeTextModel.Grades.Length:0.000}");
        foreach (var grade in GradeTextModel.Grades) summary.AddRow($"F1 {grade}", $"{evaluation.F1(grade):0.000}", "");
        AnsiConsole.Write(summary);
        var confusion = evaluation.Confusion();
        var table = new Table().Title("awarded (rows) × text-implied (columns)").AddColumn("awarded");
        foreach (var grade in GradeTextModel.Grades) table.AddColumn(new TableColumn(grade).RightAligned());
        for (var i = 0; i < GradeTextModel.Grades.Length; i++)
            table.AddRow([GradeTextModel.Grades[i], .. Enumerable.Range(0, GradeTextModel.Grades.Length).Select(j => confusion[i, j].ToString(CultureInfo.InvariantCulture))]);
        AnsiConsole.Write(table);
    }
}
