using JudgementMiner.Analysis;
using JudgementMiner.Explorer;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Tests.Analysis;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace JudgementMiner.Tests.Explorer;

/// <summary>
/// The explorer page in headless Chromium: it loads, a theme filter and a text search show exactly the extracts the
/// dataset says they should, an extract opens in its paragraph, and a screenshot is saved. The dataset is the sample
/// one, or the one named by JM_EXPLORER_DATASET (CI points it at the whole corpus); JM_EXPLORER_MAX_MS, when set, is
/// the most the page may take to open (the slowest of three openings) and filter.
/// </summary>
public class ExplorerPageTests(SampleDataset sample, HeadlessChromium chromium, ITestOutputHelper output)
    : IClassFixture<SampleDataset>, IClassFixture<HeadlessChromium>
{
    private const string Word = "children";

    [Fact]
    public async Task Filters_and_search_show_the_extracts_the_dataset_holds()
    {
        var (reports, extracts) = await DatasetAsync();
        using var temp = new TempDirectory();
        // The sample's page is cut into small text chunks, so that its hits and paragraphs come from several of them as
        // the corpus's do; the corpus's page is written as `explore` writes it.
        var corpus = Environment.GetEnvironmentVariable("JM_EXPLORER_DATASET") is { Length: > 0 };
        var page = ExplorerPageWriter.Write(temp.Path, reports, extracts, DateTimeOffset.UtcNow, corpus ? ExplorerData.DefaultTextChunkSize : 100);
        var ok = reports.Where(r => r.Status == "ok").Select(r => r.ReportId).ToHashSet();
        var shown = extracts.Where(e => ok.Contains(e.ReportId)).ToList();
        var driver = chromium.WebDriver;
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));

        // Opened three times (the first in a browser that has not opened it before, the slowest), and every opening counts.
        // The checks run on the last.
        var readyMs = new List<int>();
        string? timings = null;
        for (var opening = 0; opening < 3; opening++)
        {
            driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
            wait.Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true");
            Assert.Equal(shown.Count, Matches(driver));
            readyMs.Add(int.Parse(driver.FindElement(By.TagName("body")).GetAttribute("data-ready-ms")!));
            timings = driver.FindElement(By.TagName("body")).GetAttribute("data-timings");
        }
        var slowestReadyMs = readyMs.Max();

        // A theme filter: the most common theme of the dataset.
        var theme = shown.SelectMany(e => e.Themes ?? []).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        driver.FindElement(By.CssSelector($"input[data-theme='{Array.IndexOf(Themes.All, theme)}']")).Click();
        var withTheme = shown.Where(e => e.Themes?.Contains(theme) == true).ToList();
        Assert.True(withTheme.Count < shown.Count, "the filter must change the count, or the wait below proves nothing");
        wait.Until(d => Matches(d) == withTheme.Count);
        var filterMs = double.Parse(driver.FindElement(By.TagName("body")).GetAttribute("data-filter-ms")!, System.Globalization.CultureInfo.InvariantCulture);

        // Then a text search, which the page runs after a short pause in typing.
        driver.FindElement(By.Id("q")).SendKeys(Word);
        var expected = withTheme.Where(e => e.Text.Contains(Word, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(expected);
        wait.Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-query") == Word && Matches(d) == expected.Count);
        // Every text was unpacked for the search, after the page had opened.
        var searchReadyMs = driver.FindElement(By.TagName("body")).GetAttribute("data-search-ready-ms");
        Assert.NotNull(searchReadyMs);

        // The first page of hits: the first 50 matching extracts, in dataset order, each tagged with the theme.
        var hits = driver.FindElements(By.CssSelector("#hits .hit"));
        Assert.Equal(expected.Take(50).Select(e => e.Text), hits.Select(h => h.FindElement(By.CssSelector(".text")).Text));
        foreach (var hit in hits) Assert.Contains(theme.Replace('_', ' '), hit.FindElement(By.CssSelector(".tags")).Text);

        // The first hit in its paragraph, with the extract marked.
        hits[0].FindElement(By.CssSelector("button.context")).Click();
        // (The paragraph's texts may need unpacking first, so it may appear a moment later.)
        var mark = wait.Until(_ => hits[0].FindElements(By.CssSelector(".paragraph mark")).FirstOrDefault());
        Assert.Equal(hits[0].FindElement(By.CssSelector(".text")).Text, mark.Text);

        var screenshot = Environment.GetEnvironmentVariable("JM_EXPLORER_SCREENSHOT") ?? Path.Combine(temp.Path, "explorer.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        var timing = $"{shown.Count} extracts: opened in {string.Join(", ", readyMs)} ms (the last: {timings}), " +
                     $"theme filter in {filterMs} ms, every text unpacked for the search at {searchReadyMs} ms";
        output.WriteLine(timing);
        File.WriteAllText(Path.ChangeExtension(screenshot, ".timing.txt"), timing + Environment.NewLine);
        // The time limit is set by whoever runs it over a big dataset (CI: the issue's 1 second, over the whole corpus).
        if (Environment.GetEnvironmentVariable("JM_EXPLORER_MAX_MS") is { Length: > 0 } limit)
            Assert.True(slowestReadyMs + filterMs < int.Parse(limit), $"opening took up to {slowestReadyMs} ms ({string.Join(", ", readyMs)}) and filtering {filterMs} ms (limit {limit} ms)");

        // Cleared, then the report's overall grade (the grade with the most leadership extracts) and leadership
        // extracts only; then a second page of hits. The where-line names each hit's council.
        driver.FindElement(By.Id("reset")).Click();
        wait.Until(d => Matches(d) == shown.Count);
        var reportOf = reports.Where(r => r.Status == "ok").GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.First());
        var leadership = shown.Where(e => e.IsLeadershipExtract).ToList();
        var grade = leadership.Select(e => reportOf[e.ReportId].GradeOverallEffectiveness).OfType<string>().GroupBy(g => g).OrderByDescending(g => g.Count()).First().Key;
        var graded = leadership.Where(e => reportOf[e.ReportId].GradeOverallEffectiveness == grade).ToList();
        driver.FindElement(By.CssSelector("#gradeScope option[value='overall']")).Click();
        driver.FindElement(By.CssSelector($"input[data-grade='{Array.IndexOf(GradeScale.Ordered, grade)}']")).Click();
        driver.FindElement(By.Id("leadershipOnly")).Click();
        wait.Until(d => Matches(d) == graded.Count);
        if (graded.Count > 50)
        {
            driver.FindElement(By.Id("more")).Click();
            wait.Until(d => d.FindElements(By.CssSelector("#hits .hit")).Count == Math.Min(100, graded.Count));
        }
        var gradedHits = driver.FindElements(By.CssSelector("#hits .hit"));
        Assert.Equal(graded.Take(100).Select(e => e.Text), gradedHits.Select(h => h.FindElement(By.CssSelector(".text")).Text));
        Assert.All(gradedHits.Zip(graded), pair =>
            Assert.StartsWith(reportOf[pair.Second.ReportId].LocalAuthority!, pair.First.FindElement(By.CssSelector(".where")).Text));
    }

    /// <summary>A page of a dataset without extracts opens and shows none.</summary>
    [Fact]
    public void A_dataset_without_extracts_gives_a_page_that_opens()
    {
        using var temp = new TempDirectory();
        var page = ExplorerPageWriter.Write(temp.Path, [new ReportRow { ReportId = "r1", Status = "ok", Framework = "ilacs" }], [], DateTimeOffset.UtcNow);
        var driver = chromium.WebDriver;
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        new WebDriverWait(driver, TimeSpan.FromSeconds(30)).Until(d => d.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true");
        Assert.Equal(0, Matches(driver));
        Assert.StartsWith("0 matching extracts", driver.FindElement(By.Id("summary")).Text);
    }

    private static int Matches(IWebDriver driver) => int.Parse(driver.FindElement(By.TagName("body")).GetAttribute("data-matches") ?? "-1");

    private async Task<(IReadOnlyList<ReportRow>, IReadOnlyList<ExtractRow>)> DatasetAsync()
    {
        if (Environment.GetEnvironmentVariable("JM_EXPLORER_DATASET") is not { Length: > 0 } corpus) return (sample.Reports, sample.Extracts);
        var dataset = await Dataset.OpenAsync(corpus);
        return (await dataset.ReadReportsAsync(), await dataset.ReadExtractsAsync());
    }
}
