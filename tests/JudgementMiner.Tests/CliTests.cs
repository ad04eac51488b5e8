using System.Diagnostics;
using JudgementMiner.Output;

namespace JudgementMiner.Tests;

/// <summary>Runs the built CLI (judgementminer.dll, copied next to the test assembly) as a separate process.</summary>
public class CliTests
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "judgementminer.dll");

    [Fact]
    public async Task Run_over_the_sample_writes_one_row_per_file_and_exits_1_for_the_html_file()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out dir");

        var (exitCode, stdout, stderr) = await RunCliAsync("run", Fixtures.SampleDirectory, "--out", output);

        Assert.True(exitCode == 1, $"exit code {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.True(File.Exists(Path.Combine(output, DatasetSchema.ReportsFile)), stderr);
        var rows = await (await Dataset.OpenAsync(output)).ReadReportsAsync();
        Assert.Equal(Fixtures.SamplePdfs, rows.Select(r => r.SourcePath));
        var failed = Assert.Single(rows, r => r.Status != "ok");
        Assert.Equal(Fixtures.HtmlSample, failed.SourcePath);
        Assert.Equal("failed", failed.Status);
        Assert.Contains(Path.GetFileName(Fixtures.HtmlSample), stderr);
    }

    [Fact]
    public async Task Run_with_a_missing_input_exits_2()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "x");
        var (exitCode, _, stderr) = await RunCliAsync("run", "/nonexistent", "--out", output);
        Assert.True(exitCode == 2, $"exit code {exitCode}: {stderr}");
        Assert.False(File.Exists(Path.Combine(output, DatasetSchema.ReportsFile)));
    }

    [Fact]
    public async Task A_usage_error_exits_2()
    {
        var (exitCode, _, stderr) = await RunCliAsync("run", Fixtures.SampleDirectory);
        Assert.True(exitCode == 2, $"exit code {exitCode}: {stderr}");
    }

    [Fact]
    public async Task Json_reports_a_first_run_and_a_no_op_rerun_for_schedulers()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");

        var (firstExit, firstJson, firstErr) = await RunCliAsync("run", Fixtures.SampleDirectory, "--out", output, "--json");
        var (againExit, againJson, _) = await RunCliAsync("run", Fixtures.SampleDirectory, "--out", output, "--json");

        using var first = System.Text.Json.JsonDocument.Parse(firstJson);
        Assert.True(firstExit == 1, firstErr);
        Assert.Equal(1, first.RootElement.GetProperty("exit_code").GetInt32());
        Assert.True(first.RootElement.GetProperty("wrote").GetBoolean());
        Assert.Equal(Fixtures.SamplePdfs.Count, first.RootElement.GetProperty("files").GetProperty("read").GetInt32());
        Assert.Equal(Fixtures.HtmlSample, first.RootElement.GetProperty("failed")[0].GetProperty("path").GetString());
        using var again = System.Text.Json.JsonDocument.Parse(againJson);
        Assert.Equal(0, againExit);
        Assert.False(again.RootElement.GetProperty("wrote").GetBoolean());
        Assert.Equal(0, again.RootElement.GetProperty("files").GetProperty("read").GetInt32());
        Assert.Equal(Fixtures.SamplePdfs.Count, again.RootElement.GetProperty("files").GetProperty("unchanged").GetInt32());
        Assert.Equal(first.RootElement.GetProperty("rows").GetProperty("extracts").GetInt32(), again.RootElement.GetProperty("rows").GetProperty("extracts").GetInt32());
    }

    [Fact]
    public async Task A_second_run_on_a_locked_output_folder_exits_4_and_changes_nothing()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");
        using (OutputLock.Acquire(output))
        {
            var (exitCode, _, stderr) = await RunCliAsync("run", Fixtures.SampleDirectory, "--out", output);
            Assert.True(exitCode == 4, $"exit code {exitCode}: {stderr}");
            Assert.Contains($"pid {Environment.ProcessId}", stderr);
        }
        Assert.False(File.Exists(Path.Combine(output, DatasetSchema.ReportsFile)));
    }

    [Fact]
    public async Task Tag_finds_the_models_beside_the_program_from_any_folder_and_writes_the_csv_it_is_asked_for()
    {
        using var temp = new TempDirectory(); // no models folder here: the ones beside judgementminer.dll must be found
        var input = temp.File("in.csv");
        await File.WriteAllTextAsync(input, "id,text\na,The corporate parenting board is well attended by elected members.\n");

        var (exitCode, stdout, stderr) = await RunCliInAsync(temp.Path, "tag", "--input", input, "--out", temp.File("out.csv"));

        Assert.True(exitCode == 0, $"exit code {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var lines = await File.ReadAllLinesAsync(temp.File("out.csv"));
        Assert.StartsWith("id,themes,stance,p_", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("a,", lines[1]);
        Assert.Equal(["in.csv", "out.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order()); // no temporary file left
    }

    [Fact]
    public async Task Tag_with_a_models_folder_that_has_no_models_is_a_usage_error_naming_it()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, stderr) = await RunCliAsync("tag", "A sentence.", "--models", temp.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"the models in {temp.Path} cannot be loaded", stderr);
    }

    internal static Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args) =>
        RunCliInAsync(workingDirectory: null, args);

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliInAsync(string? workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(CliDll), $"{CliDll} not found");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"judgementminer {string.Join(' ', args)} did not finish in 90 s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
