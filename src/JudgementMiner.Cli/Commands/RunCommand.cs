using System.CommandLine;
using System.Diagnostics;
using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer run INPUTS --out DIR</c>: the main job, from PDFs to the Parquet dataset, doing only the new work.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "PDF files and folders (searched recursively for *.pdf).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder for the dataset (reports.parquet, extracts.parquet, manifest.json).", Required = true };
        var parallelism = new Option<int>("--parallelism", "-j") { Description = "Files processed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var models = new Option<DirectoryInfo?>("--models") { Description = "The theme and stance models (default: ./models, else models beside the program)." };
        var noTagging = new Option<bool>("--no-tagging") { Description = "Write the facts and sentences without theme and stance tags (faster; no models needed)." };
        var full = new Option<bool>("--full") { Description = "Read every file again instead of only new and changed ones." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable run report on standard output (progress and warnings go to standard error)." };
        var timeLimit = new Option<int>("--file-time-limit") { Description = "Seconds one file may take before it is skipped with a failed row.", DefaultValueFactory = _ => (int)FileLimits.Default.TimeLimit.TotalSeconds };
        var memoryLimit = new Option<int>("--file-memory-limit") { Description = "MiB one file may allocate while it is read before it is skipped with a failed row.", DefaultValueFactory = _ => (int)(FileLimits.Default.MemoryLimitBytes >> 20) };
        var command = new Command("run", "Extract every report's facts, grades and sentences, tag the sentences, and write the Parquet dataset; "
                                         + "a re-run reads only new and changed files.") { inputs, output, parallelism, models, noTagging, full, json, timeLimit, memoryLimit };
        command.SetAction((parse, cancellationToken) => RunAsync(new RunRequest(parse.GetRequiredValue(inputs), parse.GetRequiredValue(output).FullName,
            parse.GetValue(parallelism), parse.GetValue(models)?.FullName, parse.GetValue(noTagging), parse.GetValue(full), parse.GetValue(json),
            parse.GetValue(timeLimit), parse.GetValue(memoryLimit)), cancellationToken));
        return command;
    }

    private sealed record RunRequest(string[] Inputs, string OutputDirectory, int Parallelism, string? ModelsDirectory, bool NoTagging, bool Full, bool Json,
        int TimeLimitSeconds, int MemoryLimitMiB);

    private static async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var log = request.Json ? Console.Error : Console.Out;
        if (request.Parallelism < 1 || request.TimeLimitSeconds < 1 || request.MemoryLimitMiB < 1)
            return Fail(ExitCodes.UsageError, "--parallelism, --file-time-limit and --file-memory-limit must be at least 1");

        string? modelError = null;
        var model = request.NoTagging ? null : LoadModel(request.ModelsDirectory, out modelError);
        if (modelError is not null) return Fail(ExitCodes.UsageError, modelError);

        IReadOnlyList<string> files;
        try
        {
            files = InputDiscovery.FindPdfs(request.Inputs);
        }
        catch (FileNotFoundException e)
        {
            return Fail(ExitCodes.UsageError, e.Message);
        }
        if (files.Count == 0) return Fail(ExitCodes.UsageError, $"no *.pdf files found under {string.Join(", ", request.Inputs)}");

        OutputLock outputLock;
        try
        {
            outputLock = OutputLock.Acquire(request.OutputDirectory);
        }
        catch (OutputLockedException e)
        {
            return Fail(ExitCodes.Locked, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.NothingWritten, $"cannot use the output folder {request.OutputDirectory}: {e.Message}");
        }

        using (outputLock)
        {
            if (outputLock.StaleHolder is { } stale)
                Console.Error.WriteLine($"note: cleared a stale lock left by a run that is no longer running ({stale})");
            var options = new RefreshOptions { Full = request.Full };
            var pipeline = new PipelineBuilder
            {
                Batch = new BatchOptions
                {
                    MaxParallelism = request.Parallelism,
                    Limits = new FileLimits(TimeSpan.FromSeconds(request.TimeLimitSeconds), (long)request.MemoryLimitMiB << 20),
                },
            }.UseModels(model).Build();
            var refresher = new DatasetRefresher(new DatasetStore(request.OutputDirectory), pipeline);
            RefreshOutcome outcome;
            try
            {
                var plan = refresher.Plan(files, options);
                log.WriteLine($"{files.Count} files: {plan.Count(FileAction.New)} new, {plan.Count(FileAction.Changed)} changed, "
                              + $"{plan.Count(FileAction.Redo)} redone, {plan.Count(FileAction.Unchanged)} unchanged, {plan.Removed.Count} removed ({plan.Why})");
                outcome = await BatchProgressDisplay.RunAsync(plan.ToRead.Count,
                    progress => refresher.RunAsync(plan, progress, cancellationToken), log, live: !request.Json);
            }
            catch (OperationCanceledException)
            {
                return Fail(ExitCodes.Cancelled, "cancelled: the previous dataset (if any) is unchanged");
            }
            catch (ModelLoadException e)
            {
                return Fail(ExitCodes.UsageError, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DatasetOpenException or PlatformNotSupportedException)
            {
                return Fail(ExitCodes.NothingWritten, $"could not write the dataset to {request.OutputDirectory}: {e.Message}; the previous dataset (if any) is unchanged");
            }

            foreach (var failed in outcome.ReadNow.Where(r => r.Error is not null))
                Console.Error.WriteLine($"warning: {failed.SourcePath}: {failed.Error}");
            var exitCode = outcome.ReadNow.All(r => r.Error is null) ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
            if (request.Json) RunReport.Write(Console.Out, outcome, request.OutputDirectory, clock.Elapsed, exitCode);
            else RunSummary.Print(outcome, clock.Elapsed, request.OutputDirectory);
            return exitCode;
        }
    }

    private static ThemeModelSource? LoadModel(string? modelsDirectory, out string? error)
    {
        error = null;
        var modelsPath = ThemeModelSource.Find(modelsDirectory);
        if (modelsPath is null)
        {
            Console.Error.WriteLine("warning: no models found (./models or beside the program): extracts are written without themes and stance");
            return null;
        }
        try
        {
            return ThemeModelSource.FromDirectory(modelsPath);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or System.Text.Json.JsonException)
        {
            error = $"the models in {modelsPath} cannot be loaded: {e.Message}";
            return null;
        }
        catch (ModelLoadException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(exitCode == ExitCodes.Cancelled ? message : $"error: {message}");
        return exitCode;
    }
}
