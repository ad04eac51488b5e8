using JudgementMiner.Ingestion.Facts.Letters;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// The default facts stage: tells what kind of document this is from its own title, then reads a letter's facts with
/// <see cref="LetterFactsExtractor"/> and a full inspection's with <see cref="ReportFactsExtractor"/>. A document that
/// is neither keeps the inspection reader's verdict (framework unknown), and so is not read.
/// </summary>
public sealed class DocumentFactsExtractor(LocalAuthorityLookup lookup) : IFactsExtractor
{
    private readonly ReportFactsExtractor _inspections = new();
    private readonly LetterFactsExtractor _letters = new(lookup);

    public DocumentFactsExtractor() : this(LocalAuthorityLookup.Shipped)
    {
    }

    public ReportFacts Extract(ReportText text, SourceFile source)
    {
        if (LetterTitleReader.Instance.Read(text) is { } title) return _letters.Extract(text, source, title);
        var facts = _inspections.Extract(text, source);
        return facts.Framework == Framework.Unknown ? facts with { InspectionType = InspectionType.Other } : facts with { Provider = facts.LocalAuthority };
    }
}
