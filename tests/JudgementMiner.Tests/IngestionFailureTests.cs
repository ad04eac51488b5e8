using System.Text;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Text;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace JudgementMiner.Tests;

/// <summary>Bad inputs: each gets a typed failure with a reason, never an exception out of the ingestor.</summary>
public class IngestionFailureTests
{
    [Fact]
    public void PdfSignature_names_an_html_page()
    {
        var bytes = File.ReadAllBytes(Fixtures.HtmlSample);
        var e = Assert.Throws<IngestionException>(() => PdfSignature.EnsureLooksLikePdf(Fixtures.HtmlSample, bytes));
        Assert.Equal(IngestionFailure.NotAPdf, e.Failure);
        Assert.Contains("HTML", e.Reason);
        Assert.Equal(Fixtures.HtmlSample, e.SourcePath);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("PK\u0003\u0004rest of a zip", "ZIP")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "XML")]
    [InlineData("just some text", "not a PDF")]
    public void PdfSignature_rejects_other_files(string content, string reasonPart)
    {
        var e = Assert.Throws<IngestionException>(() => PdfSignature.EnsureLooksLikePdf("x.pdf", Encoding.UTF8.GetBytes(content)));
        Assert.Equal(IngestionFailure.NotAPdf, e.Failure);
        Assert.Contains(reasonPart, e.Reason);
    }

    [Fact]
    public void PdfSignature_accepts_a_header_after_a_little_junk()
    {
        PdfSignature.EnsureLooksLikePdf("x.pdf", Encoding.ASCII.GetBytes("\r\n\r\n%PDF-1.7\n"));
        PdfSignature.EnsureLooksLikePdf("x.pdf", File.ReadAllBytes(Fixtures.SmallestRealPdf).AsSpan(0, 2048));
    }

    [Fact]
    public void PdfTextExtractor_throws_not_a_pdf_for_the_html_sample()
    {
        var e = Assert.Throws<IngestionException>(() => new PdfTextExtractor().Extract(Fixtures.HtmlSample));
        Assert.Equal(IngestionFailure.NotAPdf, e.Failure);
    }

    [Fact]
    public void ReportIngestor_gives_a_failed_row_for_the_html_sample()
    {
        var result = ReportIngestor.Default.Ingest(Fixtures.HtmlSample);
        Assert.Equal(ReportStatus.Failed, result.Status);
        Assert.StartsWith("not_a_pdf:", result.Error);
        Assert.Equal(64, result.Sha256.Length);
    }

    [Fact]
    public void A_truncated_pdf_is_a_failed_row_with_a_reason()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(Fixtures.SmallestRealPdf);
        var path = temp.File("truncated.pdf");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 3 / 10)]);

        var result = ReportIngestor.Default.Ingest(path);

        Assert.Equal(ReportStatus.Failed, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Matches("^[a-z_]+: .+", result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.Null(result.Facts);
    }

    [Theory]
    [InlineData(0.5, 64)]
    [InlineData(0.5, 4096)]
    [InlineData(0.2, 1024)]
    [InlineData(0.8, 1024)]
    public void Flipped_bytes_never_escape_the_ingestor(double where, int count)
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(Fixtures.SmallestRealPdf);
        var start = (int)(bytes.Length * where);
        for (var i = start; i < Math.Min(bytes.Length, start + count); i++) bytes[i] ^= 0xFF;
        var path = temp.File("flipped.pdf");
        File.WriteAllBytes(path, bytes);

        var result = ReportIngestor.Default.Ingest(path);

        Assert.Equal(path, result.SourcePath);
        Assert.Contains(result.Status, new[] { ReportStatus.Ok, ReportStatus.Failed, ReportStatus.SkippedNotAReport });
        if (result.Status == ReportStatus.Ok)
        {
            Assert.NotNull(result.Facts);
            Assert.Null(result.Error);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Fact]
    public void An_encrypted_pdf_is_failed_encrypted_pdf()
    {
        Assert.True(File.Exists(Fixtures.EncryptedPdf), Fixtures.EncryptedPdf);
        var result = ReportIngestor.Default.Ingest(Fixtures.EncryptedPdf);
        Assert.Equal(ReportStatus.Failed, result.Status);
        Assert.StartsWith("encrypted_pdf", result.Error);
    }

    [Fact]
    public void An_empty_file_is_failed_not_a_pdf()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.pdf");
        File.WriteAllBytes(path, []);
        var result = ReportIngestor.Default.Ingest(path);
        Assert.Equal(ReportStatus.Failed, result.Status);
        Assert.StartsWith("not_a_pdf", result.Error);
    }

    [Fact]
    public void A_missing_file_is_a_failed_row_not_an_exception()
    {
        var result = ReportIngestor.Default.Ingest(Path.Combine(Path.GetTempPath(), "jm-no-such-file-" + Guid.NewGuid() + ".pdf"));
        Assert.Equal(ReportStatus.Failed, result.Status);
        Assert.StartsWith("unreadable", result.Error);
    }

    [Fact]
    public void A_valid_pdf_that_is_not_an_ofsted_report_is_skipped()
    {
        using var temp = new TempDirectory();
        var path = temp.File("minutes.pdf");
        File.WriteAllBytes(path, NonReportPdf());

        var result = ReportIngestor.Default.Ingest(path);

        Assert.Equal(ReportStatus.SkippedNotAReport, result.Status);
        Assert.StartsWith("not_an_ofsted_report", result.Error);
        Assert.Equal(2, result.PageCount);
    }

    /// <summary>A two-page text PDF (minutes of a made-up allotment society) written with PdfPig.</summary>
    private static byte[] NonReportPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        string[][] pages =
        [
            [
                "Minutes of the Riverside Allotment Society", "Annual general meeting, 4 March 2024",
                "The chair welcomed members and thanked the committee for a busy year.",
                "The treasurer reported that rents were paid on time by almost every plot holder.",
                "Members agreed to buy a second water butt for the northern plots.",
            ],
            [
                "Any other business", "The summer show will be held on the second Saturday of August.",
                "Entries for the largest marrow must be weighed before ten in the morning.",
                "The meeting closed with thanks to the volunteers who run the seed swap.",
            ],
        ];
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            var y = 760.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new UglyToad.PdfPig.Core.PdfPoint(72, y), font);
                y -= 18;
            }
        }
        return builder.Build();
    }
}
