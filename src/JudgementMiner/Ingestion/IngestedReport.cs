using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion;

/// <summary>The outcome of ingesting one file: always a value, never a null or a swallowed exception.</summary>
public enum ReportStatus
{
    Ok,
    Failed,
    SkippedNotAReport,
}

public static class ReportStatusNames
{
    public static string Canonical(this ReportStatus status) => status switch
    {
        ReportStatus.Ok => "ok",
        ReportStatus.Failed => "failed",
        _ => "skipped_not_a_report",
    };
}

/// <summary>One input file's result: its identity, status and, when it was read, its text and facts.</summary>
/// <param name="Error">One line naming the reason when the status is not ok, e.g. "not_a_pdf: the file is an HTML page …".</param>
public sealed record IngestedReport(
    string SourcePath,
    string Sha256,
    ReportStatus Status,
    string? Error,
    int? PageCount,
    ReportFacts? Facts,
    ReportText? Text)
{
    /// <summary>A stable id: the first 16 hex digits of the file's SHA-256.</summary>
    public string ReportId => Sha256[..16];

    public IReadOnlyList<string> Warnings => Facts?.Warnings ?? [];
}
