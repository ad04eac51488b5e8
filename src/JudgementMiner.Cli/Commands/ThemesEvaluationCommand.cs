using System.CommandLine;
using System.Diagnostics;
using JudgementMiner.Models;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer eval themes</c>: grouped cross-validation of the theme and stance models against the keyword baseline.</summary>
internal static class ThemesEvaluationCommand
{
    public static Command Create()
    {
        var labels = new Option<FileInfo>("--labels") { Description = "The labelled sentences.", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "labels", LabelSet.FileName)) };
        var folds = new Option<int>("--folds") { Description = "Folds, grouped by local authority.", DefaultValueFactory = _ => 5 };
        var curve = new Option<bool>("--learning-curve") { Description = "Also retrain on 25%, 50% and 75% of each training part." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write every sentence's out-of-fold prediction beside the reader's labels to this CSV (for reading the errors)." };
        var command = new Command("themes", "Grouped cross-validation (by local authority) of the theme and stance models, with the keyword baseline beside them.") { labels, folds, curve, predictions };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(labels).FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: labels not found: {path}");
                return ExitCodes.UsageError;
            }
            var data = LabelSet.Load(path);
            var clock = Stopwatch.StartNew();
            var result = ThemeEvaluator.Evaluate(data, parse.GetValue(folds), parse.GetValue(curve), message => Console.Error.WriteLine($"  {message} ({clock.Elapsed.TotalSeconds:0} s)"));
            Print(result);
            if (parse.GetValue(predictions) is { } predictionsFile)
            {
                WritePredictions(predictionsFile.FullName, data, result.OutOfFold);
                Console.WriteLine($"out-of-fold predictions: {predictionsFile.FullName}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One row per sentence: the reader's labels, the out-of-fold prediction and every theme's probability.</summary>
    private static void WritePredictions(string path, IReadOnlyList<LabelledSentence> data, IReadOnlyList<SentenceTags> outOfFold)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvHelper.CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var header in new[] { "id", "section", "text", "themes", "predicted_themes", "stance", "predicted_stance" }.Concat(Themes.All.Select(t => $"p_{t}")))
            csv.WriteField(header);
        csv.NextRecord();
        for (var i = 0; i < data.Count; i++)
        {
            var (truth, tags) = (data[i], outOfFold[i]);
            csv.WriteField(truth.Id);
            csv.WriteField(truth.Section);
            csv.WriteField(truth.Text);
            csv.WriteField(string.Join(';', Themes.All.Where(truth.Has)));
            csv.WriteField(string.Join(';', tags.Themes));
            csv.WriteField(truth.Stance);
            csv.WriteField(tags.Stance);
            foreach (var theme in Themes.All) csv.WriteField(tags.Probabilities[theme].ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    private static void Print(ThemeEvaluation result)
    {
        Console.WriteLine($"{result.Sentences} sentences, {result.Councils} councils, {result.Folds}-fold cross-validation grouped by local authority");
        var table = new Table().AddColumn("theme").AddColumn(new TableColumn("support").RightAligned())
            .AddColumn(new TableColumn("P").RightAligned()).AddColumn(new TableColumn("R").RightAligned()).AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("baseline P").RightAligned()).AddColumn(new TableColumn("baseline R").RightAligned()).AddColumn(new TableColumn("baseline F1").RightAligned());
        for (var i = 0; i < result.Models.Themes.Count; i++)
        {
            var m = result.Models.Themes[i];
            var b = result.Baseline.Themes[i];
            table.AddRow(m.Label, m.Support.ToString(), $"{m.Precision:0.000}", $"{m.Recall:0.000}", $"{m.F1:0.000}", $"{b.Precision:0.000}", $"{b.Recall:0.000}", $"{b.F1:0.000}");
        }
        table.AddRow("[bold]micro F1[/]", "", "", "", $"[bold]{result.Models.MicroF1:0.000}[/]", "", "", $"{result.Baseline.MicroF1:0.000}");
        table.AddRow("[bold]macro F1[/]", "", "", "", $"[bold]{result.Models.MacroF1:0.000}[/]", "", "", $"{result.Baseline.MacroF1:0.000}");
        AnsiConsole.Write(table);

        var stances = new Table().AddColumn("stance").AddColumn(new TableColumn("support").RightAligned()).AddColumn(new TableColumn("P").RightAligned())
            .AddColumn(new TableColumn("R").RightAligned()).AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("baseline F1").RightAligned());
        for (var i = 0; i < result.Models.Stances.Count; i++)
        {
            var m = result.Models.Stances[i];
            stances.AddRow(m.Label, m.Support.ToString(), $"{m.Precision:0.000}", $"{m.Recall:0.000}", $"{m.F1:0.000}", $"{result.Baseline.Stances[i].F1:0.000}");
        }
        stances.AddRow("[bold]accuracy[/]", "", "", "", $"[bold]{result.Models.StanceAccuracy:0.000}[/]", $"{result.Baseline.StanceAccuracy:0.000}");
        stances.AddRow("[bold]macro F1[/]", "", "", "", $"[bold]{result.Models.StanceMacroF1:0.000}[/]", $"{result.Baseline.StanceMacroF1:0.000}");
        AnsiConsole.Write(stances);

        Console.WriteLine("Stance confusion matrix (rows: reader, columns: model):");
        Console.WriteLine("            " + string.Join("", Themes.Stances.Select(s => $"{s,10}")));
        for (var r = 0; r < Themes.Stances.Length; r++)
            Console.WriteLine($"{Themes.Stances[r],10}  " + string.Join("", Enumerable.Range(0, Themes.Stances.Length).Select(c => $"{result.Models.StanceConfusion[r, c],10}")));

        if (result.LearningCurve.Count > 1)
        {
            Console.WriteLine("Learning curve (share of each training part: theme macro F1, stance macro F1):");
            foreach (var (fraction, theme, stance) in result.LearningCurve) Console.WriteLine($"  {fraction,5:P0}: {theme:0.000}, {stance:0.000}");
        }
    }
}
