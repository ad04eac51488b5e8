using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion;

/// <summary>
/// Ingests one file: hashes it, extracts its text (<see cref="ITextExtractor"/>) and reads its facts
/// (<see cref="IFactsExtractor"/>). Every failure becomes an <see cref="IngestedReport"/> with a status and a typed
/// reason, so a batch always gets one row per file.
/// </summary>
public sealed class ReportIngestor(ITextExtractor textExtractor, IFactsExtractor factsExtractor)
{
    /// <summary>The default stages, for tests and tools that read single files (a run gets its ingestor from the pipeline).</summary>
    public static ReportIngestor Default { get; } = new(new PdfTextExtractor(), new DocumentFactsExtractor());

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
            return Failed(SourceFile.Unread(path), IngestionFailure.Unreadable, e.Message);
        }
        var source = SourceFile.Of(path, bytes);

        ReportText text;
        try
        {
            text = textExtractor.Extract(path, bytes, budget, cancellationToken);
        }
        catch (IngestionException e)
        {
            return Failed(source, e.Failure, e.Reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A PdfPig failure we did not anticipate: still one row with a reason; the batch goes on.
            return Failed(source, IngestionFailure.CorruptPdf, $"the PDF could not be read ({e.GetType().Name}: {FirstLine(e.Message)})");
        }

        ReportFacts facts;
        try
        {
            facts = factsExtractor.Extract(text, source);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not a bad file: say so, so that it gets reported rather than blamed on the PDF.
            return new IngestedReport(source, ReportStatus.Failed, new FailureReason(IngestionFailure.ExtractionError,
                $"reading the report's facts failed ({e.GetType().Name}: {FirstLine(e.Message)}); please report this file"), text.PageCount, null, null);
        }
        if (!facts.IsReadable)
        {
            return new IngestedReport(source, ReportStatus.SkippedNotAReport,
                new FailureReason(IngestionFailure.NotAnOfstedReport, facts.NotReadBecause
                    ?? "no title of an Ofsted children's services inspection, focused visit, joint targeted area inspection or area SEND inspection on the first page"),
                text.PageCount, facts, null);
        }
        return new IngestedReport(source, ReportStatus.Ok, null, text.PageCount, facts, text);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static IngestedReport Failed(SourceFile source, IngestionFailure failure, string reason) =>
        new(source, ReportStatus.Failed, new FailureReason(failure, reason), null, null, null);

    /// <summary>A failed result for a file stopped from outside (for example by the batch's time limit).</summary>
    public static IngestedReport Failed(string path, IngestionFailure failure, string reason)
    {
        SourceFile source;
        try
        {
            source = SourceFile.Of(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            source = SourceFile.Unread(path);
        }
        return Failed(source, failure, reason);
    }
}
