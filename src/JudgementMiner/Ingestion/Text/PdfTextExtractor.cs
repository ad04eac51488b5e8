using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Reads a PDF with PdfPig into a <see cref="ReportText"/>: lines in reading order, running headers, footers, page
/// numbers and footnote markers removed, paragraphs rebuilt. Throws <see cref="IngestionException"/> for files it
/// cannot read, naming the reason. One instance may be shared across threads; each call opens its own document.
/// </summary>
public sealed class PdfTextExtractor(TextExtractionOptions options) : ITextExtractor
{
    public PdfTextExtractor()
        : this(new TextExtractionOptions())
    {
    }

    /// <summary>Reads one file with no budget: for the <c>text</c> command and tests.</summary>
    public ReportText Extract(string path, CancellationToken cancellationToken = default) =>
        Extract(path, File.ReadAllBytes(path), FileBudget.Unlimited, cancellationToken);

    /// <summary>Extracts the text, checking <paramref name="budget"/> after every page.</summary>
    public ReportText Extract(string path, byte[] bytes, FileBudget budget, CancellationToken cancellationToken = default)
    {
        PdfSignature.EnsureLooksLikePdf(path, bytes);
        var pages = new List<ReportPage>();
        var letters = 0;
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = options.LenientParsing });
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                budget.Check(path);
                var lines = PageLineBuilder.Instance.Build(page);
                letters += page.Letters.Count;
                pages.Add(new ReportPage(page.Number, page.Width, page.Height, lines));
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new IngestionException(path, IngestionFailure.EncryptedPdf, "the PDF is encrypted and cannot be opened without a password", e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException
                                      or IndexOutOfRangeException or NullReferenceException or InvalidCastException
                                      or FormatException or OverflowException or KeyNotFoundException or EndOfStreamException)
        {
            // PdfPig signals damaged structure with a range of exception types; all mean the same to a user.
            throw new IngestionException(path, IngestionFailure.CorruptPdf, $"the PDF is damaged and cannot be read ({FirstLine(e.Message)})", e);
        }

        if (pages.Count == 0)
            throw new IngestionException(path, IngestionFailure.CorruptPdf, "the PDF has no pages");
        if (letters < options.MinimumLetters)
            throw new IngestionException(path, IngestionFailure.NoTextLayer, $"the PDF has no text layer ({letters} characters on {pages.Count} pages; a scanned image?)");

        var cleaned = FootnoteSeparator.Instance.Separate(PageDecorationRemover.Instance.Remove(pages));
        return new ReportText(cleaned, ParagraphBuilder.Instance.Build(cleaned));
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
