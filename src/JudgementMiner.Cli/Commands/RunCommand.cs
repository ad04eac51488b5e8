using System.CommandLine;
using System.Diagnostics;
using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer run INPUTS --out DIR</c>: the main job, from PDFs to the Parquet dataset.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "PDF files and folders (searched recursively for *.pdf).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder for reports.parquet.", Required = true };
        var parallelism = new Option<int>("--parallelism", "-j") { Description = "Files processed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var models = new Option<DirectoryInfo?>("--models") { Description = "The theme and stance models (default: ./models, else models beside the program)." };
        var command = new Command("run", "Extract every report's facts, grades and sentences, tag the sentences, and write the Parquet dataset.") { inputs, output, parallelism, models };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(inputs), parse.GetRequiredValue(output).FullName,
            parse.GetValue(parallelism), parse.GetValue(models)?.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string outputDirectory, int parallelism, string? modelsDirectory, CancellationToken cancellationToken)
    {
        ThemeModel? model = null;
        var modelsPath = ExtractTagger.FindModels(modelsDirectory);
        if (modelsPath is null)
        {
            Console.Error.WriteLine("warning: no models found (./models or beside the program): extracts are written without themes and stance");
        }
        else
        {
            try
            {
                model = ThemeModel.Load(modelsPath);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: the models in {modelsPath} cannot be loaded: {e.Message}");
                return ExitCodes.UsageError;
            }
        }

        IReadOnlyList<string> files;
        try
        {
            files = InputDiscovery.FindPdfs(inputs);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: no *.pdf files found under {string.Join(", ", inputs)}");
            return ExitCodes.UsageError;
        }
        if (parallelism < 1)
        {
            Console.Error.WriteLine("error: --parallelism must be at least 1");
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var runner = new BatchRunner(ReportIngestor.Instance);
        var options = new BatchOptions { MaxParallelism = parallelism };
        var processor = ReportProcessor.Default;
        IReadOnlyList<ProcessedReport> processed;
        try
        {
            processed = BatchProgressDisplay.Run(files, progress => runner.Run(files, options, r => processor.Process(r, cancellationToken), progress, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: the previous dataset (if any) is unchanged");
            return ExitCodes.NothingWritten;
        }

        var rows = processed.Select(p => p.Report).ToList();
        var extracts = processed.SelectMany(p => p.Extracts).ToList();
        if (model is not null) new ExtractTagger(model).Tag(extracts, rows);
        foreach (var failed in rows.Where(r => r.Error is not null))
            Console.Error.WriteLine($"warning: {failed.SourcePath}: {failed.Error}");
        try
        {
            await DatasetWriter.Instance.WriteAsync(outputDirectory, rows, extracts, DateTimeOffset.UtcNow, cancellationToken, model?.Version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: could not write the dataset to {outputDirectory}: {e.Message}");
            return ExitCodes.NothingWritten;
        }

        RunSummary.Print(rows, extracts, clock.Elapsed, outputDirectory);
        return rows.All(r => r.Error is null) ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
    }
}
