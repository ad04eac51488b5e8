using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion;

/// <summary>The outcome of reading one file: always a value, never a null or a swallowed exception.</summary>
public enum ReportStatus
{
    Ok,
    Failed,
    SkippedNotAReport,
}

/// <summary>The contract strings of <see cref="ReportStatus"/> (the <c>status</c> column).</summary>
public static class ReportStatusNames
{
    public const string Ok = "ok";

    public static string Canonical(this ReportStatus status) => status switch
    {
        ReportStatus.Ok => Ok,
        ReportStatus.Failed => "failed",
        _ => "skipped_not_a_report",
    };

    /// <exception cref="InvalidDataException">The string is not a status of the contract.</exception>
    public static ReportStatus Parse(string status) => status switch
    {
        Ok => ReportStatus.Ok,
        "failed" => ReportStatus.Failed,
        "skipped_not_a_report" => ReportStatus.SkippedNotAReport,
        _ => throw new InvalidDataException($"'{status}' is not a report status (ok, failed, skipped_not_a_report)"),
    };
}

/// <summary>Why a file has no (or no complete) rows: the kind, and one line of reason without the file name.</summary>
public sealed record FailureReason(IngestionFailure Failure, string Reason)
{
    /// <summary>The <c>error</c> column: "not_a_pdf: the file is an HTML page ...".</summary>
    public override string ToString() => $"{Failure.Canonical()}: {Reason}";
}

/// <summary>One input file after ingestion: its identity, status and, when it was read, its text and facts.</summary>
/// <param name="Failure">Set whenever the status is not ok.</param>
public sealed record IngestedReport(
    SourceFile Source,
    ReportStatus Status,
    FailureReason? Failure,
    int? PageCount,
    ReportFacts? Facts,
    ReportText? Text)
{
    public string SourcePath => Source.Path;

    public string Sha256 => Source.Sha256;

    public string ReportId => Source.ReportId;

    /// <summary>The <c>error</c> column.</summary>
    public string? Error => Failure?.ToString();

    public IReadOnlyList<string> Warnings => Facts?.Warnings ?? [];
}
