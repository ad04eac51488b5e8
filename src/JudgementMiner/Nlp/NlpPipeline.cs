using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Nlp;

/// <summary>
/// The NLP stage: the processes run in exactly the order written here (Catalyst sorts them by type; we do not), each
/// adding one layer: sections, then sentences, then the leadership-extract flag.
/// (A token layer was dropped: nothing read it, and it cost a regex per sentence; the featurizer tokenizes for itself.)
/// </summary>
public sealed class NlpPipeline
{
    public static NlpPipeline Default { get; } = new(
        SectionDetector.Instance,
        SentenceSplitter.Instance,
        LeadershipExtractSelector.Instance);

    public NlpPipeline(params IProcess[] processes) => Processes = processes;

    public IReadOnlyList<IProcess> Processes { get; }

    public Document Run(ReportText text, ReportFacts facts, CancellationToken cancellationToken = default)
    {
        var document = new Document(text, facts);
        foreach (var process in Processes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            process.Process(document, cancellationToken);
        }
        return document;
    }
}
