using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Stage 2, facts: framework, local authority, dates, lead inspector and every judgement grade of one document, read
/// from its text. Implementations are shared across threads. Default: <see cref="ReportFactsExtractor"/>.
/// </summary>
public interface IFactsExtractor
{
    ReportFacts Extract(ReportText text, SourceFile source);
}
