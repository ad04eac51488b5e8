using System.CommandLine;
using JudgementMiner.Evaluation;
using JudgementMiner.Output;
using Spectre.Console;

using JudgementMiner.Pipeline;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer eval grades --dataset DIR --truth CSV</c>: accuracy per field against verified truth, and every miss.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Evaluate extraction against verified data.");
        eval.Subcommands.Add(CreateGrades());
        eval.Subcommands.Add(CreateLetters());
        eval.Subcommands.Add(CreateText());
        eval.Subcommands.Add(CreateSegmentation());
        eval.Subcommands.Add(ThemesEvaluationCommand.Create());
        eval.Subcommands.Add(TextGradeCommands.CreateEval());
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
            var opened = await DatasetFolder.OpenAsync(datasetPath, cancellationToken);
            if (opened is null) return ExitCodes.UsageError;
            if (!File.Exists(truthPath))
            {
                Console.Error.WriteLine($"error: truth file not found: {truthPath}");
                return ExitCodes.UsageError;
            }
            IReadOnlyList<ReportRow> rows;
            try
            {
                rows = await opened.ReadReportsAsync(cancellationToken);
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
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

    /// <summary>The bars of the letters issue: field, least accuracy.</summary>
    private static readonly (string Field, double Bar)[] LetterBars =
    [
        ("inspection_type", 1.0), ("la_code", 1.0), ("inspection_start", 0.99), ("inspection_end", 0.99), ("publication_date", 0.99),
        ("visit_themes", 0.95), ("priority_actions", 1.0), ("send_outcome", 1.0),
    ];

    private static Command CreateLetters()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run' over the letters.", Required = true };
        var truth = new Option<FileInfo>("--truth", "-t")
        {
            Description = "The readers' truth CSV (default data/truth/letters_dev.csv).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "truth", "letters_dev.csv")),
        };
        var bars = new Option<bool>("--check-bars")
        {
            Description = "Fail (exit 1) below the bars: inspection type, council, priority actions and SEND outcome 100%, each date 99%, visit themes 95%.",
        };
        var minThemes = new Option<double?>("--min-theme-accuracy")
        {
            Description = "With --check-bars: the bar for visit themes in place of 95% (0-1), for a gate below the issue's bar while it is not met.",
        };
        var command = new Command("letters", "Compare the letters' facts (type, council, dates, focus, themes, priority actions, SEND outcome, inspectors) with the readers' truth.")
            { dataset, truth, bars, minThemes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var truthPath = parse.GetRequiredValue(truth).FullName;
            if (!File.Exists(truthPath))
            {
                Console.Error.WriteLine($"error: truth file not found: {truthPath}");
                return ExitCodes.UsageError;
            }
            var opened = await DatasetFolder.OpenAsync(parse.GetRequiredValue(dataset).FullName, cancellationToken);
            if (opened is null) return ExitCodes.UsageError;
            IReadOnlyList<ReportRow> rows;
            IReadOnlyList<LetterTruthRow> expected;
            try
            {
                rows = await opened.ReadReportsAsync(cancellationToken);
                expected = LetterTruth.Load(truthPath);
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            var result = LetterEvaluator.Evaluate(rows, expected);
            var table = new Table().Title($"Letters vs the readers' truth ({result.Documents} documents, {result.MissingFromDataset} missing from the dataset)")
                .AddColumn("field").AddColumn(new TableColumn("correct").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn("bar");
            foreach (var (field, (correct, total)) in result.ByField)
            {
                var bar = LetterBars.FirstOrDefault(b => b.Field == field).Bar;
                table.AddRow(field, $"{correct}/{total}", $"{result.Accuracy(field):P2}", bar > 0 ? $"{bar:P0}" : "(reported)");
            }
            AnsiConsole.Write(table);
            Console.WriteLine(result.Misses.Count == 0 ? "No misses." : $"{result.Misses.Count} misses:");
            foreach (var miss in result.Misses)
                Console.WriteLine($"  {miss.Report} | {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");

            var failures = new List<string>();
            if (parse.GetValue(bars))
                foreach (var (field, bar) in LetterBars)
                    Check(failures, $"{field} accuracy", result.Accuracy(field), field == "visit_themes" ? parse.GetValue(minThemes) ?? bar : bar);
            foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }

    private static Command CreateText()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run'.", Required = true };
        var show = new Option<int>("--show") { Description = "How many flagged sentences to print per check (all by default).", DefaultValueFactory = _ => int.MaxValue };
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) when a leadership section is missing, a letter with a governance sentence has no leadership extract, or a header, footer, page number, contents line, letterhead, address, salutation or signature is found." };
        var command = new Command("text", "Corpus-wide checks of the extracted sentences: headers, footers, page numbers, contents lines, lengths, leadership sections.")
            { dataset, show, strict };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(dataset).FullName;
            if (await DatasetFolder.ReadAllAsync(path, cancellationToken) is not (var reports, var extracts)) return ExitCodes.UsageError;
            var quality = TextQualityReport.Evaluate(reports, extracts);

            var table = new Table().Title($"Sentence checks over {quality.Sentences} sentences").AddColumn("check").AddColumn(new TableColumn("sentences").RightAligned());
            foreach (var check in TextQualityReport.HardChecks.Concat([TextQualityReport.TooShort, TextQualityReport.TooLong]))
                table.AddRow(check, quality.Count(check).ToString());
            table.AddRow("SIF/ILACS reports with a leadership grade", quality.ReportsWithLeadershipGrade.ToString());
            table.AddRow("... of which with no leadership section", quality.LeadershipSectionMissing.Count.ToString());
            foreach (var (framework, median) in quality.MedianLeadershipSentencesByFramework.OrderBy(kv => kv.Key))
                table.AddRow($"median leadership sentences, {framework}", median.ToString("0.#"));
            table.AddRow("letters with a leadership or governance sentence (tagged)", quality.LettersWithGovernanceSentence.ToString());
            table.AddRow("... of which with no leadership extract", quality.LettersWithoutLeadershipExtract.Count.ToString());
            foreach (var (type, median) in quality.MedianLeadershipExtractsByType.OrderBy(kv => kv.Key))
                table.AddRow($"median leadership extracts per document, {type}", median.ToString("0.#"));
            AnsiConsole.Write(table);

            foreach (var group in quality.Flagged.GroupBy(f => f.Check))
            {
                Console.WriteLine($"\n{group.Key} ({group.Count()}):");
                foreach (var f in group.Take(parse.GetValue(show)))
                    Console.WriteLine($"  [{f.LocalAuthority} p{f.Page} {f.Section}] {f.Text}");
            }
            foreach (var missing in quality.LeadershipSectionMissing) Console.WriteLine($"no leadership section: {missing}");
            foreach (var missing in quality.LettersWithoutLeadershipExtract) Console.WriteLine($"letter with a governance sentence but no leadership extract: {missing}");

            var hard = quality.LeadershipSectionMissing.Count + quality.LettersWithoutLeadershipExtract.Count + TextQualityReport.HardChecks.Sum(quality.Count);
            return parse.GetValue(strict) && hard > 0 ? ExitCodes.SomeFilesFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateSegmentation()
    {
        var gold = new Option<DirectoryInfo>("--gold", "-g") { Description = "The gold folder (sentences/*.jsonl, sections/*.tsv).", DefaultValueFactory = _ => new DirectoryInfo("data/gold") };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Where the gold reports' PDFs are (\"<la folder>/<file>\" below it); section accuracy is skipped when absent.", DefaultValueFactory = _ => new DirectoryInfo("../shared/corpus/ofsted-childrens-services") };
        var minF1 = new Option<double?>("--min-f1") { Description = "Fail (exit 1) when sentence-boundary F1 is below this." };
        var minSections = new Option<double?>("--min-section-accuracy") { Description = "Fail (exit 1) when section accuracy is below this." };
        var command = new Command("segmentation", "Score sentence boundaries and sections against the hand-checked gold set.") { gold, corpus, minF1, minSections };
        command.SetAction((parse, cancellationToken) =>
        {
            var goldPath = parse.GetRequiredValue(gold).FullName;
            if (!Directory.Exists(Path.Combine(goldPath, "sentences")))
            {
                Console.Error.WriteLine($"error: no gold set at {goldPath} (expected sentences/ and sections/)");
                return Task.FromResult(ExitCodes.UsageError);
            }
            var failures = new List<string>();
            var sentences = SegmentationEvaluator.ScoreSentences(SegmentationGold.LoadParagraphs(goldPath));
            Console.WriteLine($"Sentence boundaries over {sentences.Paragraphs} gold paragraphs: precision {sentences.Precision:0.0000}, recall {sentences.Recall:0.0000}, F1 {sentences.F1:0.0000} (TP {sentences.TruePositives}, FP {sentences.FalsePositives}, FN {sentences.FalseNegatives})");
            foreach (var miss in sentences.Misses) Console.WriteLine($"  {miss.Kind}: {miss.Report}: …{miss.Context}…");
            Check(failures, "sentence-boundary F1", sentences.F1, parse.GetValue(minF1));

            var corpusPath = parse.GetRequiredValue(corpus).FullName;
            if (Directory.Exists(corpusPath))
            {
                var sections = SegmentationEvaluator.ScoreSections(SegmentationGold.LoadSections(goldPath), corpusPath, new PipelineBuilder().Build(), cancellationToken);
                Console.WriteLine($"Sections over {sections.Reports} gold reports: {sections.Correct}/{sections.Sentences} sentences in the reader's section = accuracy {sections.Accuracy:0.0000}");
                foreach (var miss in sections.Misses) Console.WriteLine($"  {miss.Report} p{miss.Page}: expected {miss.Expected}, got {miss.Actual} ({miss.Sentences} sentences): {miss.Text}");
                foreach (var note in sections.UnmatchedStarts) Console.WriteLine($"  note: {note}");
                Check(failures, "section accuracy", sections.Accuracy, parse.GetValue(minSections));
            }
            else
            {
                Console.WriteLine($"Section accuracy skipped: the gold reports' PDFs are not at {corpusPath}.");
            }
            foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
            return Task.FromResult(failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed);
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
