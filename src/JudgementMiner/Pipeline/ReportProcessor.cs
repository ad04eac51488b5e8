using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Nlp;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>One file's rows for the dataset: its report row and, when it was read, one extract row per sentence.</summary>
public sealed record ProcessedReport(ReportRow Report, IReadOnlyList<ExtractRow> Extracts);

/// <summary>
/// Carries one ingested report through the NLP stage into its dataset rows. A failure in the NLP stage becomes a
/// failed report row with the reason, keeping the facts that were read.
/// </summary>
public sealed class ReportProcessor(NlpPipeline nlp, ReportRowMapper mapper)
{
    public static ReportProcessor Default { get; } = new(NlpPipeline.Default, new ReportRowMapper(LocalAuthorityLookup.Shipped));

    public ProcessedReport Process(IngestedReport report, CancellationToken cancellationToken = default)
    {
        var row = mapper.Map(report);
        if (report.Status != ReportStatus.Ok || report.Text is null || report.Facts is null) return new ProcessedReport(row, []);
        try
        {
            var document = nlp.Run(report.Text, report.Facts, cancellationToken);
            row.SentenceCount = document.Sentences.Count;
            return new ProcessedReport(row, ExtractRowMapper.Map(document, row));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            row.Status = ReportStatus.Failed.Canonical();
            row.Error = $"extraction_error: the NLP stage failed ({e.GetType().Name}: {e.Message.Split('\n')[0]}); please report this file";
            return new ProcessedReport(row, []);
        }
    }
}
