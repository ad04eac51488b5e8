using JudgementMiner.Analysis;
using JudgementMiner.Output;

namespace JudgementMiner.Tests.Analysis;

public class ThemeStatisticsTests
{
    /// <summary>Reports of two grades: the "good" ones write about scrutiny positively, the "inadequate" ones negatively.</summary>
    private static List<ThemedExtract> DependentStance(int reportsPerGrade = 12)
    {
        var extracts = new List<ThemedExtract>();
        for (var r = 0; r < 2 * reportsPerGrade; r++)
        {
            var good = r % 2 == 0;
            for (var s = 0; s < 6; s++)
            {
                var stance = good ? (s == 0 ? "negative" : "positive") : (s == 0 ? "positive" : "negative");
                extracts.Add(new ThemedExtract($"r{r:D2}", $"la{r}", "ilacs", "inspection", 2020 + r % 3, good ? "good" : "inadequate", good ? "good" : "inadequate",
                    s < 4 ? ["scrutiny"] : [], stance));
            }
        }
        return extracts;
    }

    [Fact]
    public void Frequencies_count_each_group_and_stance()
    {
        var extracts = DependentStance();
        var rows = ThemeFrequency.Compute(extracts);
        var good = rows.Single(r => r.Dimension == ThemeFrequency.ByLeadershipGrade && r.Group == "good" && r.Theme == "scrutiny");
        var expected = extracts.Where(e => e.LeadershipGrade == "good" && e.Has("scrutiny")).ToList();
        Assert.Equal(extracts.Count(e => e.LeadershipGrade == "good"), good.Extracts);
        Assert.Equal(expected.Count, good.ThemeExtracts);
        Assert.Equal(expected.Count(e => e.Stance == "negative"), good.Negative);
        Assert.Equal(expected.Count(e => e.Stance == "positive"), good.Positive);
        Assert.Equal(12, good.Reports);
        Assert.Equal((double)expected.Count / good.Extracts, good.Share, 9);
        // Every dimension has a row per group and theme; grades come best first.
        Assert.Equal(["good", "inadequate"], rows.Where(r => r.Dimension == ThemeFrequency.ByLeadershipGrade).Select(r => r.Group).Distinct());
        Assert.Equal(["2020", "2021", "2022"], rows.Where(r => r.Dimension == ThemeFrequency.ByYear).Select(r => r.Group).Distinct());
    }

    [Fact]
    public void Dependent_stance_is_detected_and_its_interval_holds_the_share()
    {
        var statistics = ThemeStatistics.Compute(DependentStance(), association: new StanceGradeAssociation(bootstrapSamples: 500, permutations: 499));
        var test = statistics.IndependenceTests.Single(t => t.Theme == "scrutiny");
        Assert.True(test.PermutationP < 0.01, $"p = {test.PermutationP}");
        // Pooled table: good 36 positive / 12 negative, inadequate 12 / 36; phi = (36*36 - 12*12) / (48*48) = 0.5.
        Assert.Equal(0.5, test.CramersV, 6);
        foreach (var share in statistics.NegativeShares.Where(s => s.Theme == "scrutiny"))
            Assert.InRange(share.Share, share.Low, share.High);
        var inadequate = statistics.NegativeShares.Single(s => s.Theme == "scrutiny" && s.Grade == "inadequate");
        var good = statistics.NegativeShares.Single(s => s.Theme == "scrutiny" && s.Grade == "good");
        Assert.True(inadequate.Share > good.Share);
    }

    [Fact]
    public void Independent_stance_is_not_significant()
    {
        // Every report, whatever its grade, has three positive scrutiny extracts and one negative.
        var extracts = Enumerable.Range(0, 20).SelectMany(r => Enumerable.Range(0, 4).Select(s => new ThemedExtract(
            $"r{r:D2}", null, "sif", "inspection", 2015, r % 2 == 0 ? "good" : "inadequate", null, ["scrutiny"], s == 0 ? "negative" : "positive"))).ToList();
        var test = new StanceGradeAssociation(bootstrapSamples: 200, permutations: 499).Compute(extracts).Tests.Single(t => t.Theme == "scrutiny");
        Assert.True(test.ChiSquare < 1e-9, $"chi-square {test.ChiSquare}");
        Assert.Equal(1.0, test.PermutationP, 9);
    }

    [Fact]
    public void A_dataset_without_models_is_rejected_with_the_reason()
    {
        var report = new ReportRow { ReportId = "r1", Status = "ok", Framework = "ilacs", GradeLeadership = "good" };
        var extract = new ExtractRow { ReportId = "r1", ExtractId = "r1-00001", IsLeadershipExtract = true, Themes = null, Stance = null };
        var error = Assert.Throws<InvalidDataException>(() => ThemedExtracts.FromDataset([report], [extract]));
        Assert.Contains("r1-00001", error.Message);
        Assert.Contains("without theme models", error.Message);
    }

    [Fact]
    public void Only_leadership_extracts_of_ok_reports_are_analysed()
    {
        ReportRow[] reports =
        [
            new() { ReportId = "ok", Status = "ok", Framework = "ilacs", GradeLeadership = "good", InspectionEnd = new DateOnly(2019, 3, 1) },
            new() { ReportId = "failed", Status = "failed", Framework = "unknown" },
        ];
        ExtractRow[] extracts =
        [
            new() { ReportId = "ok", ExtractId = "ok-1", IsLeadershipExtract = true, Themes = null, Stance = "neutral" },
            new() { ReportId = "ok", ExtractId = "ok-2", IsLeadershipExtract = false, Themes = ["scrutiny"], Stance = "positive" },
            new() { ReportId = "failed", ExtractId = "failed-1", IsLeadershipExtract = true, Themes = ["scrutiny"], Stance = "positive" },
        ];
        var selected = Assert.Single(ThemedExtracts.FromDataset(reports, extracts));
        Assert.Equal(2019, selected.Year);
        Assert.Empty(selected.Themes);
    }
}
