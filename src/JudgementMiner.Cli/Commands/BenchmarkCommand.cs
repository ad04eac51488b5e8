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
        var refreshCopies = new Option<int>("--refresh-copies")
        {
            Description = "Also time a refresh adding one report to N distinct copies of the inputs (each copy's files end in a different byte): "
                          + "a full run over all copies but one file, then the run that adds it.",
            DefaultValueFactory = _ => 0,
        };
        var maxRefreshRatio = new Option<double?>("--max-refresh-ratio") { Description = "Fail (exit 1) when that refresh takes more than this fraction of the full run." };
        var syntheticRows = new Option<long>("--synthetic-rows")
        {
            Description = "Also time a refresh adding one report to a synthetic dataset of this many extract rows (the inputs' rows repeated under new ids); "
                          + "--max-memory-mib gates its peak memory too.",
            DefaultValueFactory = _ => 0,
        };
        var phase = new Option<string?>("--phase") { Description = "Internal: run one phase (reference, pipeline or tagged) and print its figures as JSON.", Hidden = true };
        var command = new Command("benchmark", "Time the pipeline against raw PdfPig text extraction of the same files.")
            { inputs, parallelism, maxRatio, maxMemory, maxNoOpRatio, repeat, refreshCopies, maxRefreshRatio, syntheticRows, phase };
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
            var work = Directory.CreateTempSubdirectory("judgementminer-bench-run-");
            try
            {
                var corpusOutput = Path.Combine(work.FullName, "inputs-dataset");
                var fullRun = RunOnce(parse.GetRequiredValue(inputs), corpusOutput, threads);
                var noOpRun = RunOnce(parse.GetRequiredValue(inputs), corpusOutput, threads);
                var noOpRatio = noOpRun.Seconds / fullRun.Seconds;
                Console.WriteLine($"'judgementminer run' as a scheduler sees it (whole process): full run {fullRun.Seconds:0.0} s, no-op re-run {noOpRun.Seconds:0.00} s, "
                                  + $"ratio no-op / full {noOpRatio:P1}");

                var failures = new List<string>();
                if (parse.GetValue(maxRatio) is { } limit && ratio > limit) failures.Add($"time ratio {ratio:0.00} exceeds {limit:0.00}");
                var peak = Math.Max(pipeline.PeakBytes, tagged?.PeakBytes ?? 0);
                if (parse.GetValue(maxNoOpRatio) is { } noOpLimit && noOpRatio > noOpLimit) failures.Add($"no-op re-run ratio {noOpRatio:0.000} exceeds {noOpLimit:0.000}");
                var mib = parse.GetValue(maxMemory);
                if (mib is { } m && peak > m * 1024L * 1024) failures.Add($"peak memory {peak / 1048576.0:0} MiB exceeds {m} MiB");

                if (parse.GetValue(refreshCopies) is var copies and > 0)
                {
                    var (full, refresh) = TimeRefreshOfCopies(files, copies, Path.Combine(work.FullName, "copies"), threads);
                    var refreshRatio = refresh.Seconds / full.Seconds;
                    Console.WriteLine($"refresh adding one report to {copies} distinct copies of the inputs ({full.Files} files, {refresh.Extracts:N0} extract rows), "
                                      + $"whole processes: full run {full.Seconds:0.0} s, refresh {refresh.Seconds:0.0} s ({refreshRatio:P1} of the full run), "
                                      + $"refresh peak memory {refresh.PeakMib:0} MiB");
                    if (parse.GetValue(maxRefreshRatio) is { } refreshLimit && refreshRatio > refreshLimit)
                        failures.Add($"the refresh took {refreshRatio:P1} of the full run (limit {refreshLimit:P0})");
                    if (mib is { } m2 && refresh.PeakMib > m2) failures.Add($"the refresh's peak memory {refresh.PeakMib:0} MiB exceeds {m2} MiB");
                }
                if (parse.GetValue(syntheticRows) is var rows and > 0)
                {
                    if (SyntheticSpaceShortfall(corpusOutput, fullRun.Extracts, rows, work.FullName) is { } shortfall) failures.Add(shortfall);
                    else
                    {
                        var scale = await TimeSyntheticRefreshAsync(corpusOutput, files, rows, Path.Combine(work.FullName, "synthetic"), threads, cancellationToken);
                        Console.WriteLine($"refresh adding one report to a synthetic dataset of {scale.Extracts:N0} extract rows ({scale.Files:N0} reports), whole process: "
                                          + $"{scale.Seconds:0.0} s, peak memory {scale.PeakMib:0} MiB");
                        if (mib is { } m3 && scale.PeakMib > m3) failures.Add($"the synthetic-scale refresh's peak memory {scale.PeakMib:0} MiB exceeds {m3} MiB");
                    }
                }
                foreach (var failure in failures) Console.Error.WriteLine($"FAIL: {failure}");
                return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
            }
            finally
            {
                work.Delete(recursive: true);
            }
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

    /// <summary>What one whole 'judgementminer run' process did, from its --json report and the clock outside it.</summary>
    private sealed record RunFigures(double Seconds, int Files, int Read, int Unchanged, int Extracts, double PeakMib);

    /// <summary>Runs 'judgementminer run INPUTS --out OUTPUT --json' as a process of its own and times it from outside.</summary>
    private static RunFigures RunOnce(IEnumerable<string> inputs, string output, int threads)
    {
        var start = SelfStart();
        foreach (var argument in new[] { "run", "--out", output, "--json", "-j", threads.ToString() }.Concat(inputs)) start.ArgumentList.Add(argument);
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start 'judgementminer run'");
        var error = child.StandardError.ReadToEndAsync();
        var json = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (child.ExitCode is not (ExitCodes.Ok or ExitCodes.SomeFilesFailed))
            throw new InvalidOperationException($"'judgementminer run' failed (exit {child.ExitCode}): {error.Result}");
        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        var files = root.GetProperty("files");
        return new RunFigures(seconds, files.GetProperty("seen").GetInt32(), files.GetProperty("read").GetInt32(), files.GetProperty("unchanged").GetInt32(),
            root.GetProperty("rows").GetProperty("extracts").GetInt32(), root.GetProperty("peak_memory_mib").GetDouble());
    }

    /// <summary>
    /// Copies the inputs <paramref name="copies"/> times, each copy's files with a different last line so that every file
    /// has its own SHA-256 (PDF readers ignore what follows %%EOF); runs over all of them but one, then adds that one.
    /// </summary>
    private static (RunFigures Full, RunFigures Refresh) TimeRefreshOfCopies(IReadOnlyList<string> files, int copies, string folder, int threads)
    {
        var root = Path.GetDirectoryName(files.Count == 1 ? files[0] : CommonPrefix(files)) ?? "/";
        var made = new List<string>();
        for (var copy = 0; copy < copies; copy++)
            foreach (var file in files)
            {
                var target = Path.Combine(folder, "inputs", $"copy-{copy:D4}", Path.GetRelativePath(root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var stream = File.Create(target))
                {
                    using (var source = File.OpenRead(file)) source.CopyTo(stream);
                    stream.Write(System.Text.Encoding.ASCII.GetBytes($"\n% judgementminer benchmark copy {copy}\n"));
                }
                made.Add(target);
            }
        var held = made[made.Count / 2];
        var heldAside = Path.Combine(folder, "held-back.pdf");
        File.Move(held, heldAside);
        var output = Path.Combine(folder, "dataset");
        var full = RunOnce([Path.Combine(folder, "inputs")], output, threads);
        File.Move(heldAside, held);
        var refresh = RunOnce([Path.Combine(folder, "inputs")], output, threads);
        if (refresh.Read != 1 || refresh.Unchanged != full.Files)
            throw new InvalidOperationException($"the refresh read {refresh.Read} files and carried {refresh.Unchanged}, not 1 and {full.Files}");
        return (full, refresh);
    }

    /// <summary>
    /// Makes a synthetic dataset of <paramref name="rows"/> extract rows from the inputs' dataset (not timed: it is the
    /// set-up), adds one input file to its links folder, and times the run that carries everything and reads that file.
    /// </summary>
    private static async Task<RunFigures> TimeSyntheticRefreshAsync(string inputsDataset, IReadOnlyList<string> files, long rows, string folder, int threads,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var made = await SyntheticDataset.MakeAsync(inputsDataset, Path.Combine(folder, "inputs"), Path.Combine(folder, "dataset"), rows,
            DatasetWriterOptions.Default, cancellationToken);
        Console.WriteLine($"made a synthetic dataset of {made.ExtractRows:N0} extract rows ({made.Reports:N0} reports, {made.Copies} copies of the inputs) in {clock.Elapsed.TotalSeconds:0} s");
        var added = Path.Combine(made.Inputs, "added", Path.GetFileName(files[files.Count / 2]));
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.Copy(files[files.Count / 2], added);
        var refresh = RunOnce([made.Inputs], made.Output, threads);
        if (refresh.Read != 1 || refresh.Unchanged != made.Reports)
            throw new InvalidOperationException($"the synthetic-scale refresh read {refresh.Read} files and carried {refresh.Unchanged}, not 1 and {made.Reports}");
        return refresh with { Files = made.Reports + 1 };
    }

    /// <summary>
    /// Why the synthetic dataset would not fit on the work folder's disk (two generations of <paramref name="rows"/> rows,
    /// at the inputs dataset's bytes per extract row), or null when it fits: better said up front than as a write error.
    /// </summary>
    private static string? SyntheticSpaceShortfall(string inputsDataset, int inputRows, long rows, string workFolder)
    {
        var extracts = new FileInfo(Path.Combine(inputsDataset, DatasetStore.CurrentLink, DatasetSchema.ExtractsFile));
        if (!extracts.Exists || inputRows == 0) return null;
        var needed = (long)(2.2 * extracts.Length / inputRows * rows);
        var free = new DriveInfo(Path.GetFullPath(workFolder)).AvailableFreeSpace;
        return free >= needed ? null
            : $"the synthetic-scale refresh needs about {needed / 1073741824.0:0.0} GiB free under {workFolder} (two generations of {rows:N0} extract rows) "
              + $"but {free / 1073741824.0:0.0} GiB are free: lower --synthetic-rows, or point TMPDIR at a disk with more room";
    }

    private static string CommonPrefix(IReadOnlyList<string> paths)
    {
        var prefix = paths[0];
        foreach (var path in paths)
            while (!path.StartsWith(prefix, StringComparison.Ordinal)) prefix = prefix[..^1];
        return prefix;
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
