using System.Text;

namespace JudgementMiner.Ingestion.Text;

/// <summary>Checks the first bytes of a file so that HTML pages or other files saved with a .pdf name get a clear reason.</summary>
public static class PdfSignature
{
    public static void EnsureLooksLikePdf(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            throw new IngestionException(path, IngestionFailure.NotAPdf, "the file is empty");
        // The PDF header may follow a little junk; PDF readers look in the first kilobyte.
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0) return;

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
        var what = text.StartsWith("<!doctype html") || text.StartsWith("<html") || text.Contains("<head") ? "an HTML page"
            : text.StartsWith("<?xml") ? "an XML document"
            : text.StartsWith("pk") ? "a ZIP archive (perhaps a Word document)"
            : "not a PDF";
        throw new IngestionException(path, IngestionFailure.NotAPdf, $"the file is {what}, not a PDF (no %PDF- header)");
    }
}
