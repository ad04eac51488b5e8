using System.Globalization;
using JudgementMiner.Evaluation;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Nlp;
using JudgementMiner.Output;

namespace JudgementMiner.Tests.Letters;

/// <summary>
/// One real letter of each kind (a focused visit with areas for priority action, a joint targeted area inspection, an
/// area SEND inspection, and a focused visit to a trust), read end to end: every fact must equal what the readers
/// recorded in data/sample/letters/letters_sample.csv (copied from data/truth/letters_dev.csv).
/// </summary>
public class SampleLetterTests
{
    public static TheoryData<string> Letters()
    {
        var data = new TheoryData<string>();
        foreach (var row in Fixtures.LetterTruthRows) data.Add(row.File);
        return data;
    }

    [Fact]
    public void The_sample_holds_one_letter_of_each_kind_and_a_trust()
    {
        var types = Fixtures.LetterTruthRows.Select(r => r.Value("inspection_type")).ToHashSet();
        Assert.Superset(new HashSet<string> { "focused_visit", "jtai", "area_send" }, types);
        Assert.Contains(Fixtures.LetterTruthRows, r => r.Value("inspection_type") == "focused_visit" && int.Parse(r.Value("priority_actions")) > 0);
        Assert.Contains(Fixtures.LetterTruthRows, r => r.Value("provider").Contains("Children First") || r.Value("provider").Contains("Trust"));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Facts_match_the_readers(string file)
    {
        var truth = Fixtures.LetterTruthRows.Single(r => r.File == file);
        var row = Fixtures.Rows(Fixtures.Ingest(Fixtures.PathOf(truth))).Report;

        var result = LetterEvaluator.Evaluate([row with { SourcePath = Fixtures.PathOf(truth) }], [truth]);
        // The fields whose bar is 99-100% must be right on every letter; themes (bar 95%), focus, inspectors and
        // provider are scored over the whole letters folder by 'eval letters'.
        var misses = result.Misses.Where(m => m.Field is not ("visit_themes" or "visit_focus" or "inspectors" or "provider")).ToList();

        Assert.Equal("ok", row.Status);
        Assert.True(misses.Count == 0, $"{file}:\n  " + string.Join("\n  ", misses.Select(m => $"{m.Field}: expected '{m.Expected}', got '{m.Actual}'")));
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void A_trust_or_a_partnership_is_matched_to_its_council(string file)
    {
        var truth = Fixtures.LetterTruthRows.Single(r => r.File == file);
        var row = Fixtures.Rows(Fixtures.Ingest(Fixtures.PathOf(truth))).Report;

        Assert.Equal(truth.Value("la_code"), row.LaCode);
        Assert.Equal(truth.Value("region"), row.Region);
        Assert.NotNull(row.Provider);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void Sentences_are_the_letters_prose_with_leadership_extracts_and_no_letterhead_address_or_signature(string file)
    {
        var truth = Fixtures.LetterTruthRows.Single(r => r.File == file);
        var rows = Fixtures.Rows(Fixtures.Ingest(Fixtures.PathOf(truth)));

        var quality = TextQualityReport.Evaluate([rows.Report], rows.Extracts);

        Assert.True(rows.Extracts.Count > 20, $"{file}: only {rows.Extracts.Count} sentences");
        var hard = quality.Flagged.Where(f => TextQualityReport.HardChecks.Contains(f.Check)).ToList();
        Assert.True(hard.Count == 0, $"{file}:\n  " + string.Join("\n  ", hard.Select(f => $"{f.Check}: {f.Text}")));
        Assert.All(rows.Extracts, e => Assert.Equal(truth.Value("inspection_type"), e.InspectionType));
        Assert.Contains(rows.Extracts, e => e.IsLeadershipExtract);
        Assert.Contains(rows.Extracts, e => e.Section == Section.Findings.Canonical());
        Assert.Contains(rows.Extracts, e => e.Section == Section.Summary.Canonical());
        Assert.DoesNotContain(rows.Extracts, e => e.Text.StartsWith("Dear ", StringComparison.Ordinal) || e.Text.StartsWith("Yours sincerely", StringComparison.Ordinal));
    }

    [Fact]
    public void Areas_for_priority_action_and_what_needs_to_improve_are_the_improvements_section()
    {
        var truth = Fixtures.LetterTruthRows.First(r => r.Value("inspection_type") == "focused_visit" && int.Parse(r.Value("priority_actions")) > 0);
        var extracts = Fixtures.Rows(Fixtures.Ingest(Fixtures.PathOf(truth))).Extracts;

        var improvements = extracts.Where(e => e.Section == "improvements").ToList();

        Assert.True(improvements.Count >= int.Parse(truth.Value("priority_actions"), CultureInfo.InvariantCulture));
        Assert.Contains(improvements, e => e.SectionHeading?.StartsWith("Areas for priority action", StringComparison.OrdinalIgnoreCase) == true);
    }
}
