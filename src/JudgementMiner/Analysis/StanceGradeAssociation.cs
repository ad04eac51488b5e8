using JudgementMiner.Models;
using MathNet.Numerics.Distributions;

namespace JudgementMiner.Analysis;

/// <summary>The share of one theme's leadership extracts that are negative, in reports of one leadership grade.</summary>
public sealed record NegativeShareByGrade(
    string Theme,
    string Grade,
    int Reports,
    int ThemeExtracts,
    int Negative,
    double Share,
    double Low,
    double High);

/// <summary>
/// Is a theme's stance independent of the leadership grade? The chi-square statistic of the stance × grade table of
/// the theme's extracts, with two p-values: the textbook one, which treats every extract as independent, and a
/// permutation one, which shuffles the grades between reports and so respects that one report's extracts go together.
/// Read the permutation p-value; the asymptotic one is shown because it is what most tools print.
/// </summary>
public sealed record StanceIndependenceTest(
    string Theme,
    int Reports,
    int ThemeExtracts,
    double ChiSquare,
    int DegreesOfFreedom,
    double AsymptoticP,
    double PermutationP,
    double CramersV);

/// <summary>Computes, per theme, the negative share by leadership grade (with report-level bootstrap intervals) and the independence test.</summary>
public sealed class StanceGradeAssociation(int bootstrapSamples = 2000, int permutations = 1999, int seed = 20261130)
{
    public (IReadOnlyList<NegativeShareByGrade> Shares, IReadOnlyList<StanceIndependenceTest> Tests) Compute(IReadOnlyList<ThemedExtract> extracts)
    {
        var shares = new List<NegativeShareByGrade>();
        var tests = new List<StanceIndependenceTest>();
        for (var t = 0; t < Themes.All.Length; t++)
        {
            var theme = Themes.All[t];
            // One row per report: its leadership grade and its count of this theme's extracts per stance.
            var perReport = extracts.Where(e => e.Has(theme) && e.LeadershipGrade is not null)
                .GroupBy(e => e.ReportId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportCounts(g.First().LeadershipGrade!, StanceCounts(g)))
                .ToList();
            var grades = perReport.Select(r => r.Grade).Distinct().OrderBy(GradeScale.Rank).ToList();
            foreach (var grade in grades)
            {
                var group = perReport.Where(r => r.Grade == grade).ToList();
                var negative = group.Sum(r => r.Stances[NegativeIndex]);
                var total = group.Sum(r => r.Total);
                var (low, high) = BootstrapInterval(group, seed + 97 * t + GradeScale.Rank(grade));
                shares.Add(new NegativeShareByGrade(theme, grade, group.Count, total, negative, total == 0 ? 0 : (double)negative / total, low, high));
            }
            tests.Add(Test(theme, perReport, grades, seed + t));
        }
        return (shares, tests);
    }

    private static readonly int NegativeIndex = Array.IndexOf(Themes.Stances, "negative");

    private sealed record ReportCounts(string Grade, int[] Stances)
    {
        public int Total => Stances.Sum();
    }

    private static int[] StanceCounts(IEnumerable<ThemedExtract> extracts)
    {
        var counts = new int[Themes.Stances.Length];
        foreach (var e in extracts)
        {
            var index = Array.IndexOf(Themes.Stances, e.Stance);
            if (index >= 0) counts[index]++;
        }
        return counts;
    }

    /// <summary>95% percentile interval of the pooled negative share, resampling whole reports with replacement.</summary>
    private (double Low, double High) BootstrapInterval(IReadOnlyList<ReportCounts> reports, int groupSeed)
    {
        if (reports.Count == 0) return (0, 0);
        var random = new Random(groupSeed);
        var estimates = new double[bootstrapSamples];
        for (var b = 0; b < bootstrapSamples; b++)
        {
            long negative = 0, total = 0;
            for (var i = 0; i < reports.Count; i++)
            {
                var r = reports[random.Next(reports.Count)];
                negative += r.Stances[NegativeIndex];
                total += r.Total;
            }
            estimates[b] = total == 0 ? 0 : (double)negative / total;
        }
        Array.Sort(estimates);
        return (estimates[(int)(0.025 * (bootstrapSamples - 1))], estimates[(int)Math.Ceiling(0.975 * (bootstrapSamples - 1))]);
    }

    private StanceIndependenceTest Test(string theme, IReadOnlyList<ReportCounts> perReport, List<string> grades, int testSeed)
    {
        var gradeIndex = perReport.Select(r => grades.IndexOf(r.Grade)).ToArray();
        var observed = ChiSquare(perReport, gradeIndex, grades.Count, out var df, out var n, out var minDimension);
        if (df == 0) return new StanceIndependenceTest(theme, perReport.Count, n, 0, 0, 1, 1, 0);
        var asymptotic = 1 - ChiSquared.CDF(df, observed);
        var random = new Random(testSeed);
        var shuffled = (int[])gradeIndex.Clone();
        var atLeast = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.Shuffle(shuffled);
            if (ChiSquare(perReport, shuffled, grades.Count, out _, out _, out _) >= observed - 1e-9) atLeast++;
        }
        var cramersV = Math.Sqrt(observed / (n * (double)Math.Max(1, minDimension - 1)));
        return new StanceIndependenceTest(theme, perReport.Count, n, observed, df, asymptotic, (atLeast + 1.0) / (permutations + 1.0), cramersV);
    }

    /// <summary>Pearson's chi-square of the grade × stance table, over the rows and columns that are not empty.</summary>
    private static double ChiSquare(IReadOnlyList<ReportCounts> perReport, int[] gradeIndex, int gradeCount, out int degreesOfFreedom, out int total,
        out int minDimension)
    {
        var stanceCount = Themes.Stances.Length;
        var table = new double[gradeCount, stanceCount];
        for (var i = 0; i < perReport.Count; i++)
            for (var s = 0; s < stanceCount; s++)
                table[gradeIndex[i], s] += perReport[i].Stances[s];
        var rowSums = new double[gradeCount];
        var columnSums = new double[stanceCount];
        double n = 0;
        for (var g = 0; g < gradeCount; g++)
            for (var s = 0; s < stanceCount; s++)
            {
                rowSums[g] += table[g, s];
                columnSums[s] += table[g, s];
                n += table[g, s];
            }
        var rows = rowSums.Count(v => v > 0);
        var columns = columnSums.Count(v => v > 0);
        degreesOfFreedom = Math.Max(0, (rows - 1) * (columns - 1));
        total = (int)n;
        minDimension = Math.Min(rows, columns);
        if (degreesOfFreedom == 0) return 0;
        double chi = 0;
        for (var g = 0; g < gradeCount; g++)
            for (var s = 0; s < stanceCount; s++)
            {
                var expected = rowSums[g] * columnSums[s] / n;
                if (expected > 0) chi += (table[g, s] - expected) * (table[g, s] - expected) / expected;
            }
        return chi;
    }
}
