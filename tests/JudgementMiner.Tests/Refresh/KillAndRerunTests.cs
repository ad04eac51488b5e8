using System.Diagnostics;
using JudgementMiner.Output;

namespace JudgementMiner.Tests.Refresh;

/// <summary>
/// Kills 'judgementminer run' (SIGKILL) at many points of a run, while a reader keeps opening the output folder.
/// The reader must only ever find a complete dataset whose files belong together; after each kill a plain re-run
/// must leave exactly the dataset of a clean run. Half the kills fall at fixed shares of a run's time, half at
/// moments of the final write (when the hidden generation folder appears, and shortly after), the most delicate
/// window. The runs are untagged: tagging happens before anything is written, so it adds no new moment to kill at,
/// only a second to each of the 37 processes.
/// </summary>
[Collection(SerialTests.Name)]
public class KillAndRerunTests
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "judgementminer.dll");

    [Fact]
    public async Task A_run_killed_at_any_point_never_shows_a_broken_dataset_and_a_rerun_equals_a_clean_run()
    {
        using var temp = new TempDirectory();
        var all = Fixtures.SampleDirectory;
        var subset = Path.Combine(temp.Path, "subset");
        foreach (var pdf in Fixtures.SamplePdfs.Take(3))
        {
            var target = Path.Combine(subset, Path.GetRelativePath(Fixtures.SampleDirectory, pdf));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(pdf, target);
        }

        var clean = Path.Combine(temp.Path, "clean");
        var cleanClock = Stopwatch.StartNew();
        Assert.Equal(1, await RunToEndAsync(all, clean)); // 1: the sample's HTML file fails by design
        var cleanSeconds = cleanClock.Elapsed.TotalSeconds;

        var output = Path.Combine(temp.Path, "out");
        var killPoints = Enumerable.Range(0, 7).Select(i => KillPoint.After(cleanSeconds * (0.05 + 0.12 * i))) // 5% .. 77% of a run
            .Concat(new[] { 0, 0, 10, 25, 50 }.Select(KillPoint.WhenWriting)).ToList();
        var kills = 0;
        foreach (var point in killPoints)
        {
            await RunToEndAsync(subset, output); // the previous dataset: three reports (or it drops the others)
            using var reader = new ConsistencyReader(output);
            using var run = StartCli("run", all, "--out", output, "--full", "--no-tagging");
            if (await point.WaitAsync(run, output))
            {
                run.Kill();
                kills++;
            }
            await run.WaitForExitAsync();
            var observations = await reader.StopAsync();
            Assert.True(observations > 0, "the reader never looked");

            var exit = await RunToEndAsync(all, output);
            Assert.True(exit is 0 or 1, $"re-run after a kill {point} exited {exit}");
            await DatasetAssert.SameRowsAsync(clean, output, $"re-run after a kill {point}");
        }
        Assert.True(kills >= 8, $"only {kills} of {killPoints.Count} runs were killed before they finished");
    }

    /// <summary>When to kill: after a delay, or a few milliseconds after the run starts writing its new generation.</summary>
    private sealed record KillPoint(string Description, Func<Process, string, Task<bool>> WaitAsync)
    {
        public static KillPoint After(double seconds) => new($"after {seconds:0.00} s", async (run, _) =>
        {
            await Task.WhenAny(run.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(seconds)));
            return !run.HasExited;
        });

        public static KillPoint WhenWriting(int milliseconds) => new($"{milliseconds} ms into the write", async (run, output) =>
        {
            var generations = Path.Combine(output, DatasetStore.GenerationsFolder);
            while (!run.HasExited)
            {
                if (Directory.Exists(generations) && Directory.EnumerateDirectories(generations, ".incomplete-*").Any())
                {
                    if (milliseconds > 0) await Task.Delay(milliseconds);
                    return !run.HasExited;
                }
                await Task.Delay(1);
            }
            return false;
        });

        public override string ToString() => Description;
    }

    /// <summary>Opens the output folder as a researcher would, over and over, until stopped; throws on anything broken.</summary>
    private sealed class ConsistencyReader : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<int> loop;

        public ConsistencyReader(string output) => loop = Task.Run(async () =>
        {
            var looks = 0;
            while (!stop.IsCancellationRequested)
            {
                await CheckAsync(output);
                looks++;
            }
            return looks;
        });

        public async Task<int> StopAsync()
        {
            await stop.CancelAsync();
            return await loop;
        }

        public void Dispose() => stop.Dispose();

        private static async Task CheckAsync(string output)
        {
            var current = new DatasetStore(output).OpenCurrent();
            Assert.NotNull(current); // the previous dataset is always there
            var generation = current.Manifest.Generation;
            Assert.Equal(generation, Path.GetFileName(current.Directory));
            var dataset = await current.OpenAsync(); // checks that both files and the manifest name one generation
            Assert.Equal(generation, dataset.Generation);
            var reports = await dataset.ReadReportsAsync();
            var extracts = await dataset.ReadExtractsAsync();
            Assert.Equal(current.Manifest.ReportRows, reports.Count);
            Assert.Equal(current.Manifest.ExtractRows, extracts.Count);
            Assert.Equal(current.Manifest.Files.Select(f => f.Path), reports.Select(r => r.SourcePath));
            foreach (var file in new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile })
                Assert.Equal(generation, dataset.Metadata[file][Dataset.GenerationKey]);

            // The names researchers open: each must be a whole file of a committed generation.
            foreach (var file in new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile })
            {
                var metadata = await ParquetFile.MetadataAsync(Path.Combine(output, file));
                var committed = Path.Combine(output, DatasetStore.GenerationsFolder, metadata["judgementminer.generation"], RunManifest.FileName);
                Assert.True(File.Exists(committed) || !Directory.Exists(Path.GetDirectoryName(committed)),
                    $"{file} belongs to generation {metadata["judgementminer.generation"]}, which was never committed");
            }
        }
    }

    private static Process StartCli(params string[] args)
    {
        Assert.True(File.Exists(CliDll), $"{CliDll} not found");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Fixtures.RepoRoot, // the shipped models
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> RunToEndAsync(string inputs, string output)
    {
        using var process = StartCli("run", inputs, "--out", output, "--no-tagging");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
