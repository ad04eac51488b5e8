using System.CommandLine;
using JudgementMiner.Evaluation;
using JudgementMiner.Output;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer compare EXPECTED ACTUAL</c>: do two datasets hold the same rows? (Exit 0 if so, 1 if not.)</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var expected = new Argument<DirectoryInfo>("expected") { Description = "A dataset folder (for example a full run's)." };
        var actual = new Argument<DirectoryInfo>("actual") { Description = "Another dataset folder (for example an incremental run's)." };
        var show = new Option<int>("--show") { Description = "Differences to print at most.", DefaultValueFactory = _ => 10 };
        var command = new Command("compare", "Check that two datasets hold the same rows, every column, in order (run-time metadata is not compared).")
            { expected, actual, show };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var a = parse.GetRequiredValue(expected).FullName;
            var b = parse.GetRequiredValue(actual).FullName;
            IReadOnlyList<DatasetDifference> differences;
            try
            {
                differences = await DatasetComparer.CompareAsync(a, b, Math.Max(1, parse.GetValue(show)), cancellationToken);
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot read a dataset: {e.Message}");
                return ExitCodes.UsageError;
            }
            if (differences.Count == 0)
            {
                Console.WriteLine($"same rows: {a} and {b}");
                return ExitCodes.Ok;
            }
            foreach (var d in differences)
                Console.WriteLine($"{d.File} row {d.Row}:\n  {a}: {d.Expected ?? "(no row)"}\n  {b}: {d.Actual ?? "(no row)"}");
            Console.WriteLine($"the datasets differ ({differences.Count} differences shown)");
            return ExitCodes.SomeFilesFailed;
        });
        return command;
    }
}
