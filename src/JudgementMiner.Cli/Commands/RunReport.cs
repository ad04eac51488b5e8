using System.Diagnostics;
using System.Text.Json;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Cli.Commands;

/// <summary>The <c>run --json</c> report: one JSON object for schedulers (field names are part of the documented interface).</summary>
internal static class RunReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(TextWriter output, RefreshOutcome outcome, string outputDirectory, TimeSpan elapsed, int exitCode)
    {
        var plan = outcome.Plan;
        var report = new
        {
            Output = outputDirectory,
            ExitCode = exitCode,
            Wrote = outcome.Wrote,
            Generation = outcome.Generation,
            Plan = plan.Why,
            Files = new
            {
                Seen = plan.Files.Count,
                New = plan.Count(FileAction.New),
                Changed = plan.Count(FileAction.Changed),
                Redone = plan.Count(FileAction.Redo),
                Unchanged = plan.Count(FileAction.Unchanged),
                Removed = plan.Removed.Count,
                Read = outcome.ReadNow.Count,
                Failed = outcome.ReadNow.Count(r => r.Error is not null),
            },
            Failed = outcome.ReadNow.Where(r => r.Error is not null).Select(r => new { Path = r.SourcePath, r.Status, r.Error }).ToList(),
            Removed = plan.Removed.Select(f => f.Path).ToList(),
            Retagged = plan.Retag,
            Rows = new { Reports = outcome.ReportRows, Extracts = outcome.ExtractRows },
            Seconds = new
            {
                Carry = Math.Round(outcome.CarryTime.TotalSeconds, 3),
                Read = Math.Round(outcome.ReadTime.TotalSeconds, 3),
                Tag = Math.Round(outcome.TagTime.TotalSeconds, 3),
                Write = Math.Round(outcome.WriteTime.TotalSeconds, 3),
                Total = Math.Round(elapsed.TotalSeconds, 3),
            },
            // The process's peak working set so far (VmHWM on Linux): what a scheduler's memory limit sees.
            PeakMemoryMib = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
        };
        output.WriteLine(JsonSerializer.Serialize(report, Json));
    }
}
