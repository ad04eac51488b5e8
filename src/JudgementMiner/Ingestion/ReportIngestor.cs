using System.Security.Cryptography;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion;

/// <summary>
/// Ingests one file: hashes it, extracts its text and reads its facts. Every failure becomes an
/// <see cref="IngestedReport"/> with a status and a one-line reason, so a batch always gets one row per file.
/// </summary>
public sealed class ReportIngestor
{
    public static ReportIngestor Instance { get; } = new();

    public IngestedReport Ingest(string path, CancellationToken cancellationToken = default) => Ingest(path, FileBudget.Unlimited, cancellationToken);

    /// <summary>Ingests one file within <paramref name="budget"/>; a file that exceeds it gets a failed result naming the limit.</summary>
    public IngestedReport Ingest(string path, FileBudget budget, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IngestedReport(path, HashOfPath(path), ReportStatus.Failed, $"unreadable: {e.Message}", null, null, null);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        ReportText text;
        try
        {
            text = PdfTextExtractor.Instance.Extract(path, bytes, budget, cancellationToken);
        }
        catch (IngestionException e)
        {
            return new IngestedReport(path, sha, ReportStatus.Failed, $"{Code(e.Failure)}: {e.Reason}", null, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A PdfPig failure we did not anticipate: still one row with a reason; the batch goes on.
            return new IngestedReport(path, sha, ReportStatus.Failed,
                $"{Code(IngestionFailure.CorruptPdf)}: the PDF could not be read ({e.GetType().Name}: {FirstLine(e.Message)})", null, null, null);
        }

        ReportFacts facts;
        try
        {
            facts = ReportFactsExtractor.Instance.Extract(text, path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not a bad file: say so, so that it gets reported rather than blamed on the PDF.
            return new IngestedReport(path, sha, ReportStatus.Failed,
                $"extraction_error: reading the report's facts failed ({e.GetType().Name}: {FirstLine(e.Message)}); please report this file", text.PageCount, null, null);
        }
        if (facts.Framework == Framework.Unknown)
        {
            return new IngestedReport(path, sha, ReportStatus.SkippedNotAReport,
                $"{Code(IngestionFailure.NotAnOfstedReport)}: no Ofsted children's services inspection title on the first page",
                text.PageCount, facts, null);
        }
        return new IngestedReport(path, sha, ReportStatus.Ok, null, text.PageCount, facts, text);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>snake_case names of the failure kinds, used as the error column's prefix.</summary>
    public static string Code(IngestionFailure failure) => failure switch
    {
        IngestionFailure.NotAPdf => "not_a_pdf",
        IngestionFailure.CorruptPdf => "corrupt_pdf",
        IngestionFailure.EncryptedPdf => "encrypted_pdf",
        IngestionFailure.NoTextLayer => "no_text_layer",
        IngestionFailure.NotAnOfstedReport => "not_an_ofsted_report",
        IngestionFailure.TimeLimit => "time_limit",
        IngestionFailure.MemoryLimit => "memory_limit",
        _ => "unreadable",
    };

    /// <summary>A failed result for a file stopped from outside (for example by the batch's time limit).</summary>
    public static IngestedReport Failed(string path, IngestionFailure failure, string reason)
    {
        string sha;
        try
        {
            using var stream = File.OpenRead(path);
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sha = HashOfPath(path);
        }
        return new IngestedReport(path, sha, ReportStatus.Failed, $"{Code(failure)}: {reason}", null, null, null);
    }

    private static string HashOfPath(string path) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)));
}
