using System.CommandLine;
using JudgementMiner.Cli.Notebooks;
using JudgementMiner.Output;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer notebooks --dataset DIR [notebook.ipynb ...]</c>: runs the C# notebooks headless and writes their outputs back.</summary>
internal static class NotebooksCommand
{
    public const string DatasetVariable = "JUDGEMENTMINER_DATASET";

    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "The dataset the notebooks read (given to them as JUDGEMENTMINER_DATASET).", Required = true };
        var files = new Argument<FileInfo[]>("notebooks") { Description = "Notebooks to run (default: every notebooks/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("notebooks",
            "Run C# notebooks (Jupyter format, as Polyglot Notebooks opens them) headless: every code cell in order; fail on any error; " +
            "write the printed and displayed outputs back into each notebook.")
            { dataset, files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            // Checked here so a bad dataset is one clear error, not one failed cell per notebook; the notebooks open it themselves.
            if (await DatasetFolder.OpenAsync(datasetPath, cancellationToken) is null) return ExitCodes.UsageError;
            var notebooks = parse.GetValue(files) is { Length: > 0 } given
                ? given.Select(f => f.FullName).ToList()
                : Directory.Exists("notebooks") ? Directory.EnumerateFiles("notebooks", "*.ipynb").Order(StringComparer.Ordinal).Select(Path.GetFullPath).ToList() : [];
            if (notebooks.Count == 0)
            {
                Console.Error.WriteLine("error: no notebooks given and no notebooks/*.ipynb here");
                return ExitCodes.UsageError;
            }
            Environment.SetEnvironmentVariable(DatasetVariable, datasetPath);
            var failed = 0;
            foreach (var notebook in notebooks)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    var cells = await NotebookRunner.RunAsync(notebook, cancellationToken);
                    Console.WriteLine($"ran {Path.GetFileName(notebook)}: {cells} code cells in {clock.Elapsed.TotalSeconds:0.0} s");
                }
                catch (Exception e) when (e is NotebookFailedException or IOException or System.Text.Json.JsonException)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    failed++;
                }
            }
            return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }
}
