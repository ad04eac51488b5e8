using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;
using Spectre.Console;
using UglyToad.PdfPig;

namespace JudgementMiner.Cli.Commands;

/// <summary>
/// <c>judgementminer benchmark INPUTS</c>: times raw PdfPig text extraction (the reference) and the full pipeline on
/// the same files in one run, each in a fresh child process so that each has its own peak memory, and prints
/// files/s, pages/s, peak memory and the ratio of the two times.
/// </summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "PDF files and folders.", Arity = ArgumentArity.OneOrMore };
        var parallelism = new Option<int>("--parallelism", "-j") { Description = "Files processed at once, in both phases.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxRatio = new Option<double?>("--max-ratio") { Description = "Fail (exit 1) when pipeline time / reference time exceeds this." };
        var maxMemory = new Option<int?>("--max-memory-mib") { Description = "Fail (exit 1) when the pipeline's peak memory exceeds this many MiB." };
        var maxNoOpRatio = new Option<double?>("--max-noop-ratio") { Description = "Fail (exit 1) when a no-op re-run of 'run' takes more than this fraction of a full run." };
        var repeat = new Option<int>("--repeat") { Description = "Rounds of the three phases, interleaved; the medians are reported (timings on a shared machine vary from run to run).", DefaultValueFactory = _ => 1 };
        var phase = new Option<string?>("--phase") { Description = "Internal: run one phase (reference, pipeline or tagged) and print its figures as JSON.", Hidden = true };
        var command = new Command("benchmark", "Time the pipeline against raw PdfPig text extraction of the same files.")
            { inputs, parallelism, maxRatio, maxMemory, maxNoOpRatio, repeat, phase };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = InputDiscovery.FindPdfs(parse.GetRequiredValue(inputs));
            var threads = Math.Max(1, parse.GetValue(parallelism));
            if (parse.GetValue(phase) is { } only)
            {
                var figures = only == "reference" ? RunReference(files, threads) : await RunPipelineAsync(files, threads, tag: only == "tagged", cancellationToken);
                Console.WriteLine(JsonSerializer.Serialize(figures));
                return ExitCodes.Ok;
            }

            var rounds = Math.Max(1, parse.GetValue(repeat));
            Console.WriteLine($"Benchmarking {files.Count} files with {threads} threads: raw PdfPig extraction, the pipeline without theme tagging, then with it, "
                              + $"each in its own process{(rounds > 1 ? $", {rounds} rounds (medians reported)" : "")}.");
            var hasModels = ThemeModelSource.Find(null) is not null;
            var measured = new List<(PhaseFigures Reference, PhaseFigures Pipeline, PhaseFigures? Tagged)>();
            for (var round = 1; round <= rounds; round++)
            {
                var r = RunChild("reference", parse.GetRequiredValue(inputs), threads);
                var p = RunChild("pipeline", parse.GetRequiredValue(inputs), threads);
                var t = hasModels ? RunChild("tagged", parse.GetRequiredValue(inputs), threads) : null;
                measured.Add((r, p, t));
                if (rounds > 1)
                    Console.WriteLine($"  round {round}: reference {r.Seconds:0.0} s, pipeline {p.Seconds:0.0} s ({p.Seconds / r.Seconds:0.00})"
                                      + (t is null ? "" : $", with tagging {t.Seconds:0.0} s (+{t.Seconds / p.Seconds - 1:P0})"));
            }
            var reference = Median(measured.Select(m => m.Reference).ToList());
            var pipeline = Median(measured.Select(m => m.Pipeline).ToList());
            var tagged = hasModels ? Median(measured.Select(m => m.Tagged!).ToList()) : null;
            var ratio = pipeline.Seconds / reference.Seconds;
            Print(reference, pipeline, tagged, ratio);
            var (fullRun, noOpRun) = TimeRefresh(parse.GetRequiredValue(inputs), threads);
            var noOpRatio = noOpRun / fullRun;
            Console.WriteLine($"'judgementminer run' as a scheduler sees it (whole process): full run {fullRun:0.0} s, no-op re-run {noOpRun:0.00} s, "
                              + $"ratio no-op / full {noOpRatio:P1}");

            var failures = new List<string>();
            if (parse.GetValue(maxRatio) is { } limit && ratio > limit) failures.Add($"time ratio {ratio:0.00} exceeds {limit:0.00}");
            var peak = Math.Max(pipeline.PeakBytes, tagged?.PeakBytes ?? 0);
            if (parse.GetValue(maxNoOpRatio) is { } noOpLimit && noOpRatio > noOpLimit) failures.Add($"no-op re-run ratio {noOpRatio:0.000} exceeds {noOpLimit:0.000}");
            if (parse.GetValue(maxMemory) is { } mib && peak > mib * 1024L * 1024) failures.Add($"peak memory {peak / 1048576.0:0} MiB exceeds {mib} MiB");
            foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }

    public sealed record PhaseFigures(string Phase, int Files, int Pages, double Seconds, long PeakBytes);

    /// <summary>A phase's median time over the rounds, with the highest peak memory seen.</summary>
    private static PhaseFigures Median(IReadOnlyList<PhaseFigures> rounds)
    {
        var times = rounds.Select(r => r.Seconds).Order().ToList();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        return rounds[0] with { Seconds = median, PeakBytes = rounds.Max(r => r.PeakBytes) };
    }

    /// <summary>The reference: open each PDF with PdfPig and read every page's text, as a plain PdfPig user would.</summary>
    private static PhaseFigures RunReference(IReadOnlyList<string> files, int threads)
    {
        var pages = 0;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
        {
            try
            {
                using var document = PdfDocument.Open(File.ReadAllBytes(file));
                foreach (var page in document.GetPages())
                {
                    _ = page.Text;
                    Interlocked.Increment(ref pages);
                }
            }
            catch (Exception)
            {
                // Files PdfPig cannot open cost the reference almost nothing; the pipeline reports them.
            }
        });
        return new PhaseFigures("reference", files.Count, pages, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    /// <summary>
    /// The pipeline: what 'judgementminer run' does into a new folder (read, tag when asked, write a generation), in
    /// this process, without the console output; with or without theme tagging.
    /// </summary>
    private static async Task<PhaseFigures> RunPipelineAsync(IReadOnlyList<string> files, int threads, bool tag, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("judgementminer-bench-");
        try
        {
            var clock = Stopwatch.StartNew();
            var models = tag && ThemeModelSource.Find(null) is { } directory ? ThemeModelSource.FromDirectory(directory) : null;
            var pipeline = new PipelineBuilder { Batch = new BatchOptions { MaxParallelism = threads } }.UseModels(models).Build();
            var refresher = new DatasetRefresher(new DatasetStore(output.FullName), pipeline);
            var plan = refresher.Plan(files, new RefreshOptions());
            var outcome = await refresher.RunAsync(plan, null, cancellationToken);
            return new PhaseFigures(tag ? "pipeline + tagging" : "pipeline", files.Count, outcome.Reports.Sum(r => r.PageCount ?? 0),
                clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>Runs 'judgementminer run' twice into one new folder, each a process of its own: a full run, then a re-run with nothing new.</summary>
    private static (double Full, double NoOp) TimeRefresh(string[] inputs, int threads)
    {
        var output = Directory.CreateTempSubdirectory("judgementminer-bench-run-");
        try
        {
            double Time()
            {
                var start = SelfStart();
                foreach (var argument in new[] { "run", "--out", output.FullName, "--json", "-j", threads.ToString() }.Concat(inputs)) start.ArgumentList.Add(argument);
                start.RedirectStandardError = true;
                var clock = Stopwatch.StartNew();
                using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start 'judgementminer run'");
                var error = child.StandardError.ReadToEndAsync();
                child.StandardOutput.ReadToEnd();
                child.WaitForExit();
                if (child.ExitCode is not (ExitCodes.Ok or ExitCodes.SomeFilesFailed))
                    throw new InvalidOperationException($"'judgementminer run' failed (exit {child.ExitCode}): {error.Result}");
                return clock.Elapsed.TotalSeconds;
            }
            return (Time(), Time());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static ProcessStartInfo SelfStart()
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        return start;
    }

    private static PhaseFigures RunChild(string phase, string[] inputs, int threads)
    {
        var start = SelfStart();
        foreach (var argument in new[] { "benchmark", "--phase", phase, "-j", threads.ToString() }.Concat(inputs)) start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {phase} phase");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || last is null)
            throw new InvalidOperationException($"the {phase} phase failed (exit {child.ExitCode})");
        return JsonSerializer.Deserialize<PhaseFigures>(last)!;
    }

    private static void Print(PhaseFigures reference, PhaseFigures pipeline, PhaseFigures? tagged, double ratio)
    {
        var table = new Table().AddColumn("phase").AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("pages").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("files/s").RightAligned())
            .AddColumn(new TableColumn("pages/s").RightAligned()).AddColumn(new TableColumn("peak MiB").RightAligned());
        foreach (var f in new[] { reference, pipeline, tagged }.OfType<PhaseFigures>())
            table.AddRow(f.Phase, f.Files.ToString(), f.Pages.ToString(), $"{f.Seconds:0.0}", $"{f.Files / f.Seconds:0.00}", $"{f.Pages / f.Seconds:0.0}", $"{f.PeakBytes / 1048576.0:0}");
        AnsiConsole.Write(table);
        Console.WriteLine($"time ratio pipeline / raw PdfPig extraction: {ratio:0.00}");
        Console.WriteLine($"peak memory ratio pipeline / raw PdfPig extraction: {(double)pipeline.PeakBytes / reference.PeakBytes:0.00}");
        if (tagged is not null)
            Console.WriteLine($"theme tagging adds {(tagged.Seconds / pipeline.Seconds - 1):P0} to the pipeline's time (ratio with tagging / raw PdfPig: {tagged.Seconds / reference.Seconds:0.00})");
    }
}
