namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Stage 1, text extraction: a file's bytes into pages of positioned lines and paragraphs. Throws
/// <see cref="IngestionException"/> for a file it cannot read, naming the reason. Implementations are shared across
/// threads. Default: <see cref="PdfTextExtractor"/>.
/// </summary>
public interface ITextExtractor
{
    /// <summary>Extracts the text, checking <paramref name="budget"/> as it goes.</summary>
    ReportText Extract(string path, byte[] bytes, FileBudget budget, CancellationToken cancellationToken);
}

/// <summary>Options of <see cref="PdfTextExtractor"/>.</summary>
public sealed record TextExtractionOptions
{
    /// <summary>
    /// Fewer letters than this in the whole file means there is no usable text layer (a scan). 200: the shortest real
    /// letter has thousands; a scanned report has none, or a few from a stamped page number.
    /// </summary>
    public int MinimumLetters { get; init; } = 200;

    /// <summary>PdfPig's lenient parsing: reads the slightly malformed files publishers produce (on by default).</summary>
    public bool LenientParsing { get; init; } = true;
}
