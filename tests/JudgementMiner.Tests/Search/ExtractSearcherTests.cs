using JudgementMiner.Search;
using JudgementMiner.Tests.Analysis;

namespace JudgementMiner.Tests.Search;

public class ExtractSearcherTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    [Fact]
    public async Task Filters_return_exactly_the_matching_extracts_clearest_first()
    {
        using var searcher = await ExtractSearcher.OpenAsync(sample.Directory);
        var theme = sample.Extracts.Where(e => e.Themes is { Count: > 0 }).SelectMany(e => e.Themes!).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        var expected = sample.Extracts.Where(e => e.Themes?.Contains(theme) == true && e.Stance == "positive").ToList();
        Assert.NotEmpty(expected);

        var (hits, total) = searcher.Search(new ExtractQuery { Themes = [theme], Stances = ["positive"], Limit = 1000 });

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Select(e => e.ExtractId).Order(), hits.Select(h => h.ExtractId).Order());
        Assert.All(hits, h => Assert.Contains(theme, h.Themes));
        var scores = hits.Select(h => h.ThemeProbability * h.StanceConfidence!.Value).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Grades_of_the_section_or_the_report_filter_separately()
    {
        using var searcher = await ExtractSearcher.OpenAsync(sample.Directory);
        var graded = sample.Extracts.First(e => e.SectionGrade is not null);
        var bySection = searcher.Search(new ExtractQuery { Grades = [graded.SectionGrade!], Limit = 100_000 });
        Assert.Equal(sample.Extracts.Count(e => e.SectionGrade == graded.SectionGrade), bySection.TotalMatches);

        var overall = sample.Reports.First(r => r.GradeOverallEffectiveness is not null).GradeOverallEffectiveness!;
        var byReport = searcher.Search(new ExtractQuery { Grades = [overall], GradeScope = GradeScope.Overall, Limit = 100_000 });
        var reportIds = sample.Reports.Where(r => r.GradeOverallEffectiveness == overall).Select(r => r.ReportId).ToHashSet();
        Assert.Equal(sample.Extracts.Count(e => reportIds.Contains(e.ReportId)), byReport.TotalMatches);
    }

    [Fact]
    public async Task A_text_query_finds_stemmed_words_and_every_hit_can_be_cited()
    {
        using var searcher = await ExtractSearcher.OpenAsync(sample.Directory);
        var (hits, total) = searcher.Search(new ExtractQuery { Text = "challenges", Limit = 20 });
        Assert.True(total > 0);
        Assert.Equal(sample.Extracts.Count(e => e.Text.Contains("challeng", StringComparison.OrdinalIgnoreCase)), total);
        Assert.All(hits, h =>
        {
            Assert.Contains("challeng", h.Text, StringComparison.OrdinalIgnoreCase);
            Assert.True(h.Page > 0);
            Assert.Contains($"page {h.Page}", h.Citation);
            Assert.NotNull(h.Relevance);
        });
        Assert.Equal(hits.Select(h => h.Relevance).OrderDescending(), hits.Select(h => h.Relevance));
    }

    [Fact]
    public async Task A_council_is_found_by_a_whole_word_of_its_name()
    {
        using var searcher = await ExtractSearcher.OpenAsync(sample.Directory);
        var report = sample.Reports.First(r => r.Status == "ok" && r.LocalAuthority!.Contains(' '));
        var lastWord = report.LocalAuthority!.Split(' ')[^1];
        var expected = sample.Extracts.Count(e => sample.Reports.Any(r => r.ReportId == e.ReportId &&
            r.LocalAuthority!.Split(' ', ',').Contains(lastWord, StringComparer.OrdinalIgnoreCase)));
        Assert.Equal(expected, searcher.Search(new ExtractQuery { LocalAuthorities = [lastWord.ToUpperInvariant()], Limit = 1 }).TotalMatches);
        Assert.Equal(0, searcher.Search(new ExtractQuery { LocalAuthorities = [lastWord[1..]], Limit = 1 }).TotalMatches);
    }

    [Fact]
    public async Task Unknown_values_are_refused_by_name()
    {
        using var searcher = await ExtractSearcher.OpenAsync(sample.Directory);
        var error = Assert.Throws<ArgumentException>(() => searcher.Search(new ExtractQuery { Themes = ["scrutinee"] }));
        Assert.Contains("scrutinee", error.Message);
        Assert.Throws<ArgumentException>(() => searcher.Search(new ExtractQuery { Grades = ["excellent"] }));
        Assert.Throws<ArgumentException>(() => searcher.Search(new ExtractQuery { Text = "\"unclosed" }));
    }

    [Fact]
    public async Task The_index_is_built_once_and_rebuilt_when_the_dataset_changes()
    {
        using var temp = new TempDirectory();
        foreach (var file in new[] { "reports.parquet", "extracts.parquet" })
            File.Copy(Path.Combine(sample.Directory, file), Path.Combine(temp.Path, file));
        Assert.True(await ExtractSearchIndex.EnsureAsync(temp.Path));
        Assert.False(await ExtractSearchIndex.EnsureAsync(temp.Path));
        File.SetLastWriteTimeUtc(Path.Combine(temp.Path, "extracts.parquet"), DateTime.UtcNow.AddMinutes(1));
        Assert.False(ExtractSearchIndex.IsCurrent(temp.Path));
        Assert.True(await ExtractSearchIndex.EnsureAsync(temp.Path));
    }
}
