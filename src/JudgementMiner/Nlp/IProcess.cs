namespace JudgementMiner.Nlp;

/// <summary>One step of the NLP pipeline: adds one layer of spans to the document.</summary>
public interface IProcess
{
    /// <summary>A short name for messages, e.g. "sections".</summary>
    string Name { get; }

    void Process(Document document, CancellationToken cancellationToken);
}
