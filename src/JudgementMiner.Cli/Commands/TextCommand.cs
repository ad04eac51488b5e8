using System.CommandLine;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer text FILE</c>: prints the cleaned paragraphs (or lines) of one report, for checking extraction by eye.</summary>
internal static class TextCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A report PDF." };
        var lines = new Option<bool>("--lines") { Description = "Print positioned lines instead of paragraphs." };
        var command = new Command("text", "Print the text JudgementMiner extracts from one PDF.") { file, lines };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: file not found: {path}");
                return ExitCodes.UsageError;
            }
            try
            {
                var text = new PdfTextExtractor().Extract(path);
                if (parse.GetValue(lines))
                {
                    foreach (var line in text.AllLines) Console.WriteLine(line);
                }
                else
                {
                    foreach (var p in text.Paragraphs)
                        Console.WriteLine($"[p{p.FirstPage}{(p.LastPage != p.FirstPage ? "-" + p.LastPage : "")} {p.Kind}{(p.Number is null ? "" : " " + p.Number)}] {p.Text}\n");
                }
                return ExitCodes.Ok;
            }
            catch (IngestionException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.SomeFilesFailed;
            }
        });
        return command;
    }
}
