using System.Globalization;
using System.Text.RegularExpressions;
using JudgementMiner.Evaluation;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;
using JudgementMiner.Output;
using UglyToad.PdfPig;

namespace JudgementMiner.Tests;

/// <summary>End to end on the real sample reports: every fact must equal the verified truth in data/sample/grades_sample.csv.</summary>
public partial class SampleReportTests
{
    public static TheoryData<string> TruthKeys => Fixtures.TruthKeys();

    public static TheoryData<string> ReadableKeys => Fixtures.ReadableTruthKeys();

    [Fact]
    public void The_truth_file_covers_every_sample_pdf()
    {
        var fromTruth = Fixtures.TruthRows.Select(Fixtures.PathOf).Concat(Fixtures.LetterTruthRows.Select(Fixtures.PathOf)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Fixtures.SamplePdfs, fromTruth);
        Assert.True(Fixtures.TruthRows.Count >= 6);
    }

    [Theory]
    [MemberData(nameof(TruthKeys))]
    public void Row_matches_verified_truth(string key)
    {
        var truth = Fixtures.TruthFor(key);
        var report = Fixtures.Ingest(Fixtures.PathOf(truth));
        var row = Fixtures.Rows(report).Report;
        var expectedFramework = truth.Fields["framework"];

        var mismatches = new List<string>();
        void Check(string field, string? actual)
        {
            var expected = truth.Fields[field] is "" ? null : truth.Fields[field];
            if (expected != actual) mismatches.Add($"{field}: expected '{expected ?? "(empty)"}', got '{actual ?? "(empty)"}'");
        }

        Check("framework", row.Framework == "unknown" ? null : row.Framework);
        Check("local_authority", row.LocalAuthority);
        Check("publication_date", Iso(row.PublicationDate));
        Check("inspection_start", Iso(row.InspectionStart));
        Check("inspection_end", Iso(row.InspectionEnd));
        Check("overall_effectiveness", row.GradeOverallEffectiveness);
        Check("leadership", row.GradeLeadership);
        Check("help_and_protection", row.GradeHelpAndProtection);
        Check("children_in_care", row.GradeChildrenInCare);
        Check("care_leavers", row.GradeCareLeavers);
        Check("adoption", row.GradeAdoption);
        Check("lscb", row.GradeLscb);
        Check("other_judgements", row.OtherJudgements);

        var expectedStatus = expectedFramework == "" ? "failed" : "ok";
        if (row.Status != expectedStatus) mismatches.Add($"status: expected {expectedStatus}, got {row.Status} ({row.Error})");

        Assert.True(mismatches.Count == 0, $"{key}:\n  " + string.Join("\n  ", mismatches));
    }

    [Theory]
    [MemberData(nameof(ReadableKeys))]
    public void Ok_rows_are_complete(string key)
    {
        var report = Fixtures.Ingest(Fixtures.PathOf(Fixtures.TruthFor(key)));
        Assert.Equal(ReportStatus.Ok, report.Status);
        var row = Fixtures.Rows(report).Report;
        Assert.NotNull(row.LaCode);
        Assert.NotNull(row.Region);
        Assert.False(string.IsNullOrWhiteSpace(row.LeadInspector), "no lead inspector");
        Assert.True(row.PageCount > 1);
        Assert.Equal(report.Sha256[..16], row.ReportId);
        Assert.NotNull(report.Text);
        Assert.NotEmpty(report.Text.Paragraphs);
    }

    [Theory]
    [MemberData(nameof(ReadableKeys))]
    public void Page_numbers_and_running_headers_are_removed(string key)
    {
        var path = Fixtures.PathOf(Fixtures.TruthFor(key));
        var text = TextOf(key);

        // The page decorations PdfPig finds in the page margins before cleaning: bare page numbers, and margin lines
        // that repeat (digits ignored) on at least half the pages ...
        var decorations = RawDecorations(path);
        // ... are gone from the cleaned pages,
        foreach (var (pageNumber, baseline, line) in decorations)
        {
            var page = text.Pages.Single(p => p.Number == pageNumber);
            Assert.DoesNotContain(page.Lines, l => Math.Abs(l.Baseline - baseline) < 0.5 && l.Text.Trim() == line);
        }
        // and no paragraph is a bare number or holds a repeated margin line.
        Assert.DoesNotContain(text.Paragraphs, p => BarePageNumber().IsMatch(p.Text));
        var repeated = decorations.Select(d => d.Text).Where(t => !BarePageNumber().IsMatch(t) && t.Length >= 20).Distinct().ToList();
        // (Page 1 is left out: the ILACS title on page 1 is the text the running footer repeats on the later pages.)
        var offenders = text.Paragraphs.Where(p => p.LastPage > 1 && repeated.Any(r => p.Text.Contains(r, StringComparison.Ordinal)))
            .Select(p => $"p{p.FirstPage}: {p.Text}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_sample_has_page_decorations_to_remove()
    {
        // Guards the test above against passing vacuously: most sample reports print page numbers or running headers.
        var withDecorations = Fixtures.TruthRows.Where(r => r.Fields["framework"] != "")
            .Count(r => RawDecorations(Fixtures.PathOf(r)).Count > 0);
        Assert.True(withDecorations >= 3, $"only {withDecorations} sample reports have page decorations");
    }

    private static List<(int Page, double Baseline, string Text)> RawDecorations(string path)
    {
        var margin = new List<(int Page, double Baseline, string Text)>();
        int pageCount;
        using (var document = PdfDocument.Open(path))
        {
            pageCount = document.NumberOfPages;
            foreach (var page in document.GetPages())
            {
                foreach (var line in PageLineBuilder.Instance.Build(page))
                {
                    if (line.Baseline < page.Height * 0.12 || line.Baseline > page.Height * 0.88)
                        margin.Add((page.Number, line.Baseline, line.Text.Trim()));
                }
            }
        }
        var pagesPerKey = margin.GroupBy(m => Digits().Replace(m.Text, "#")).ToDictionary(g => g.Key, g => g.Select(m => m.Page).Distinct().Count());
        return margin.Where(m => BarePageNumber().IsMatch(m.Text)
                                 || (pageCount >= 4 && pagesPerKey[Digits().Replace(m.Text, "#")] * 2 >= pageCount))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(ReadableKeys))]
    public void The_running_footer_is_not_in_the_text_after_page_one(string key)
    {
        var text = TextOf(key);
        var offenders = text.Paragraphs.Where(p => p.LastPage > 1 && RunningFooter().IsMatch(p.Text)).Select(p => $"p{p.FirstPage}: {p.Text}").ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(ReadableKeys))]
    public void Hyphen_breaks_are_rejoined(string key)
    {
        var text = TextOf(key);
        var offenders = text.Paragraphs.Where(p => LetterHyphenAtEnd().IsMatch(p.Text)).Select(p => $"p{p.FirstPage}: …{Tail(p.Text)}").ToList();
        // A line-end break joined with a space ("assess- ment") is not re-joined either; "short- and long-term" is fine.
        offenders.AddRange(text.Paragraphs.SelectMany(p => HyphenSpaceInWord().Matches(p.Text)).Select(m => $"inside: {m.Value}"));
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(ReadableKeys))]
    public void Paragraph_pages_are_in_order(string key)
    {
        var text = TextOf(key);
        var previous = 1;
        foreach (var paragraph in text.Paragraphs)
        {
            Assert.True(paragraph.FirstPage <= paragraph.LastPage);
            Assert.True(paragraph.FirstPage >= previous, $"paragraph on p{paragraph.FirstPage} after p{previous}: {paragraph.Text}");
            Assert.False(string.IsNullOrWhiteSpace(paragraph.Text));
            previous = paragraph.FirstPage;
        }
    }

    private static ReportText TextOf(string key)
    {
        var report = Fixtures.Ingest(Fixtures.PathOf(Fixtures.TruthFor(key)));
        Assert.True(report.Status == ReportStatus.Ok, $"{key}: {report.Status.Canonical()} {report.Error}");
        return report.Text!;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Tail(string text) => text.Length > 80 ? text[^80..] : text;

    [GeneratedRegex(@"^\s*\d{1,3}\s*$")]
    private static partial Regex BarePageNumber();

    // The ILACS running footer "Inspection of Dorset local authority children’s services" (capital I: the title, not prose).
    [GeneratedRegex(@"Inspection of [^.]{1,80}? local authority children[’']s services")]
    private static partial Regex RunningFooter();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\w{0,12}\p{Ll}- (?!and |or |to |nor )\p{Ll}\w{0,12}")]
    private static partial Regex HyphenSpaceInWord();

    [GeneratedRegex(@"\p{L}-$")]
    private static partial Regex LetterHyphenAtEnd();
}
