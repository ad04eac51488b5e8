using System.CommandLine;
using System.Diagnostics;
using JudgementMiner.Explorer;
using JudgementMiner.Output;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer explore --dataset DIR --out FOLDER</c>: the self-contained explorer page for improvement officers.</summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run'.", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write explorer.html.", Required = true };
        var command = new Command("explore",
            "Write one self-contained HTML page (no network needed) to filter every extract by theme, stance, grade, framework, year and council, " +
            "search the text, read each extract in its paragraph and copy a citation. Open it in any browser.")
            { dataset, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            var clock = Stopwatch.StartNew();
            if (await DatasetFolder.ReadAllAsync(datasetPath, cancellationToken) is not (var reports, var extracts)) return ExitCodes.UsageError;
            string path;
            try
            {
                path = ExplorerPageWriter.Write(parse.GetRequiredValue(output).FullName, reports, extracts, DateTimeOffset.UtcNow);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write the explorer to {parse.GetRequiredValue(output).FullName}: {e.Message}");
                return ExitCodes.NothingWritten;
            }
            var size = new FileInfo(path).Length / (1024.0 * 1024.0);
            Console.WriteLine($"wrote {path} ({size:0.0} MiB, {extracts.Count:N0} extracts) in {clock.Elapsed.TotalSeconds:0.0} s; open it in a browser");
            return ExitCodes.Ok;
        });
        return command;
    }
}
