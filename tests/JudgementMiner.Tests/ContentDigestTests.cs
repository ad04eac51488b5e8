using System.Reflection;
using System.Text.Json.Serialization;
using JudgementMiner.Output;

namespace JudgementMiner.Tests;

/// <summary>The content digest: what it covers, what it leaves out, and that its encoding cannot be fooled by concatenation.</summary>
public class ContentDigestTests
{
    private static ReportRow Report() => new()
    {
        ReportId = "0123456789abcdef", SourcePath = "/data/a/report.pdf", FileSha256 = new string('a', 64), Status = "ok",
        LocalAuthority = "Medway", LaCode = "887", Region = "South East", Framework = "ilacs",
        InspectionStart = new DateOnly(2022, 1, 10), InspectionEnd = new DateOnly(2022, 1, 21), PublicationDate = new DateOnly(2022, 3, 1),
        LeadInspector = "A Inspector", GradeOverallEffectiveness = "good", GradeLeadership = "good", PageCount = 20, SentenceCount = 2,
        PipelineVersion = "0.2.0", ModelVersion = "themes-1", PredictedGradeLeadership = "good", PGradeGood = 0.7f, PredictedGradeHeldOut = false,
    };

    private static ExtractRow Extract(int sentence, string text) => new()
    {
        ReportId = "0123456789abcdef", ExtractId = $"0123456789abcdef-{sentence:00000}", LocalAuthority = "Medway",
        PublicationDate = new DateOnly(2022, 3, 1), Framework = "ilacs", Section = "leadership", SectionHeading = "Leadership",
        SectionGrade = "good", Page = 5, Paragraph = 12, ParagraphIndex = 40, Sentence = sentence, Text = text, IsLeadershipExtract = true,
        Themes = ["scrutiny"], PLeadership = 0.9f, PScrutiny = 0.8f, Stance = "positive", StanceConfidence = 0.6f,
        GradeLeadership = "good", GradeOverallEffectiveness = "good", ModelVersion = "themes-1",
    };

    private static string Digest(Func<ReportRow, ReportRow>? changeReport = null, Func<ExtractRow, ExtractRow>? changeFirstExtract = null)
    {
        var report = changeReport?.Invoke(Report()) ?? Report();
        var first = Extract(1, "Leaders know their services well.");
        first = changeFirstExtract?.Invoke(first) ?? first;
        return ContentDigest.Compute([report], [first, Extract(2, "Scrutiny is strong.")]);
    }

    [Fact]
    public void The_same_rows_have_the_same_digest_in_lowercase_hex()
    {
        var digest = Digest();
        Assert.Equal(digest, Digest()); // other row objects, same values
        Assert.Matches("^[0-9a-f]{64}$", digest);
    }

    public static TheoryData<string, Func<ExtractRow, ExtractRow>> ContentChanges() => new()
    {
        { "text", e => e with { Text = e.Text + " " } },
        { "section_heading", e => e with { SectionHeading = "Leadership and management" } },
        { "paragraph", e => e with { Paragraph = null } },
        { "page", e => e with { Page = 6 } },
        { "is_leadership_extract", e => e with { IsLeadershipExtract = false } },
        { "publication_date", e => e with { PublicationDate = new DateOnly(2022, 3, 2) } },
    };

    [Theory]
    [MemberData(nameof(ContentChanges))]
    public void Changing_a_content_column_of_one_extract_changes_the_digest(string column, Func<ExtractRow, ExtractRow> change)
    {
        Assert.Contains(column, ContentDigest.ExtractColumns);
        Assert.NotEqual(Digest(), Digest(changeFirstExtract: change));
    }

    [Fact]
    public void Changing_a_content_column_of_a_report_changes_the_digest()
    {
        Assert.NotEqual(Digest(), Digest(changeReport: r => r with { SentenceCount = 3 }));
        Assert.NotEqual(Digest(), Digest(changeReport: r => r with { FileSha256 = new string('b', 64) }));
    }

    public static TheoryData<string, Func<ExtractRow, ExtractRow>> ExcludedExtractChanges() => new()
    {
        { "model_version", e => e with { ModelVersion = "themes-2" } },
        { "stance", e => e with { Stance = "negative" } },
        { "stance_confidence", e => e with { StanceConfidence = 0.1f } },
        { "themes", e => e with { Themes = null } },
        { "p_leadership", e => e with { PLeadership = null } },
    };

    [Theory]
    [MemberData(nameof(ExcludedExtractChanges))]
    public void Changing_a_column_that_depends_on_the_run_or_the_models_keeps_the_digest(string column, Func<ExtractRow, ExtractRow> change)
    {
        Assert.DoesNotContain(column, ContentDigest.ExtractColumns);
        Assert.Equal(Digest(), Digest(changeFirstExtract: change));
    }

    [Fact]
    public void The_source_path_and_the_versions_of_a_report_are_not_content()
    {
        Assert.Equal(Digest(), Digest(changeReport: r => r with
        {
            SourcePath = "/elsewhere/report.pdf",
            PipelineVersion = "9.9.9",
            ModelVersion = null,
            PredictedGradeLeadership = "inadequate",
            PGradeGood = null,
            PredictedGradeHeldOut = true,
        }));
    }

    [Fact]
    public void Every_column_is_covered_except_the_excluded_ones()
    {
        static IEnumerable<string> Columns<T>() => typeof(T).GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).OfType<string>();
        Assert.Equal(Columns<ReportRow>().Where(c => !ContentDigest.IsExcluded(c)).Order(StringComparer.Ordinal), ContentDigest.ReportColumns);
        Assert.Equal(Columns<ExtractRow>().Where(c => !ContentDigest.IsExcluded(c)).Order(StringComparer.Ordinal), ContentDigest.ExtractColumns);
        string[] excluded = ["pipeline_version", "model_version", "source_path", "themes", "stance", "stance_confidence",
            "predicted_grade_leadership", "predicted_grade_held_out", "p_grade_good", "p_sufficiency"];
        Assert.All(excluded, c => Assert.True(ContentDigest.IsExcluded(c), c));
        Assert.Contains("file_sha256", ContentDigest.ReportColumns);
    }

    [Fact]
    public void Moving_text_between_adjacent_columns_changes_the_digest()
    {
        // section_grade and section_heading are next to each other in the digest's column order.
        var one = Digest(changeFirstExtract: e => e with { SectionGrade = "ab", SectionHeading = "c" });
        var other = Digest(changeFirstExtract: e => e with { SectionGrade = "a", SectionHeading = "bc" });
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Moving_text_between_rows_changes_the_digest()
    {
        var one = ContentDigest.Compute([], [Extract(1, "ab"), Extract(1, "c")]);
        var other = ContentDigest.Compute([], [Extract(1, "a"), Extract(1, "bc")]);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Null_and_an_empty_string_differ()
    {
        Assert.NotEqual(Digest(changeFirstExtract: e => e with { SectionHeading = null }), Digest(changeFirstExtract: e => e with { SectionHeading = "" }));
        Assert.NotEqual(Digest(changeReport: r => r with { Error = null }), Digest(changeReport: r => r with { Error = "" }));
    }

    [Fact]
    public void A_row_cannot_move_between_the_reports_and_the_extracts()
    {
        Assert.NotEqual(ContentDigest.Compute([Report()], []), ContentDigest.Compute([], []));
        Assert.NotEqual(ContentDigest.Compute([], [Extract(1, "a")]), ContentDigest.Compute([], [Extract(1, "a"), Extract(1, "a")]));
    }
}
