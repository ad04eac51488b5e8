using System.Globalization;
using JudgementMiner.Models;
using ScottPlot;

namespace JudgementMiner.Analysis;

/// <summary>
/// Draws the statistics as PNG charts with ScottPlot: the theme × grade heatmap, stance by grade for each theme, and
/// themes over the years. Every chart has a title, labelled axes and a legend or colour bar.
/// </summary>
public static class StatsCharts
{
    public const string HeatmapFile = "theme_by_grade_heatmap.png";
    public const string StanceFile = "stance_by_grade.png";
    public const string YearsFile = "themes_over_years.png";

    // Colour-blind-safe stance colours (Okabe-Ito): strength blue, shortfall vermilion, mixed amber, neutral grey.
    private static readonly (string Stance, Color Color)[] StanceColours =
    [
        ("positive", Color.FromHex("#0072B2")), ("mixed", Color.FromHex("#E69F00")),
        ("neutral", Color.FromHex("#BBBBBB")), ("negative", Color.FromHex("#D55E00")),
    ];

    public static IReadOnlyList<string> WriteAll(string folder, IReadOnlyList<ThemeFrequencyRow> rows)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>
        {
            Heatmap(Path.Combine(folder, HeatmapFile), rows),
            StanceByGrade(Path.Combine(folder, StanceFile), rows),
            ThemesOverYears(Path.Combine(folder, YearsFile), rows),
        };
        return written;
    }

    /// <summary>
    /// Rows: themes; columns: leadership grades. Each cell prints the share of the grade's leadership extracts tagged
    /// with the theme; its colour says how far that share is above or below the theme's share over all grades, so a
    /// rare theme's differences are as visible as a common one's (a plain share scale would show only "leadership").
    /// </summary>
    public static string Heatmap(string path, IReadOnlyList<ThemeFrequencyRow> rows)
    {
        var byGrade = rows.Where(r => r.Dimension == ThemeFrequency.ByLeadershipGrade).ToList();
        var grades = byGrade.Select(r => r.Group).Distinct().OrderBy(GradeScale.Rank).ToArray();
        var shares = new double[Themes.All.Length, grades.Length];
        var relative = new double[Themes.All.Length, grades.Length];
        for (var t = 0; t < Themes.All.Length; t++)
        {
            var themeRows = byGrade.Where(r => r.Theme == Themes.All[t]).ToList();
            var overall = themeRows.Sum(r => r.Extracts) == 0 ? 0 : (double)themeRows.Sum(r => r.ThemeExtracts) / themeRows.Sum(r => r.Extracts);
            for (var g = 0; g < grades.Length; g++)
            {
                shares[t, g] = themeRows.FirstOrDefault(r => r.Group == grades[g])?.Share ?? 0;
                relative[t, g] = overall == 0 ? 0 : Math.Clamp(100 * (shares[t, g] / overall - 1), -RelativeLimit, RelativeLimit);
            }
        }

        var plot = new Plot();
        // Heatmap rows are drawn from the top: row 0 (the first theme) is the top row.
        var heatmap = plot.Add.Heatmap(relative);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated(
            [Color.FromHex("#5E3C99"), Color.FromHex("#B2ABD2"), Color.FromHex("#F7F7F7"), Color.FromHex("#FDB863"), Color.FromHex("#E66101")]);
        heatmap.ManualRange = new ScottPlot.Range(-RelativeLimit, RelativeLimit);
        for (var t = 0; t < Themes.All.Length; t++)
            for (var g = 0; g < grades.Length; g++)
            {
                var label = plot.Add.Text($"{100 * shares[t, g]:0.0}%", g, Themes.All.Length - 1 - t);
                label.LabelFontSize = 15;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = Math.Abs(relative[t, g]) > 0.7 * RelativeLimit ? Colors.White : Colors.Black;
            }
        var colourBar = plot.Add.ColorBar(heatmap);
        colourBar.Label = "% above (+) or below (-) the theme's share over all grades";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, grades.Length).Select(i => (double)i).ToArray(), grades.Select(Describe).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, Themes.All.Length).Select(i => (double)(Themes.All.Length - 1 - i)).ToArray(), Themes.All);
        plot.Axes.Bottom.Label.Text = "leadership grade (number of reports)";
        plot.Title("Share of leadership extracts with each theme, by leadership grade");
        StyleText(plot);
        plot.SavePng(path, 1150, 720);
        return path;

        string Describe(string grade) =>
            $"{GradeScale.Short(grade)} ({byGrade.First(r => r.Group == grade).Reports})";
    }

    /// <summary>The colour scale's ends: half or one and a half times the theme's overall share.</summary>
    private const double RelativeLimit = 50;

    /// <summary>One panel per theme: for each leadership grade, the stance mix of the theme's extracts (stacked to 100%).</summary>
    public static string StanceByGrade(string path, IReadOnlyList<ThemeFrequencyRow> rows)
    {
        var byGrade = rows.Where(r => r.Dimension == ThemeFrequency.ByLeadershipGrade).ToList();
        var grades = byGrade.Select(r => r.Group).Distinct().OrderBy(GradeScale.Rank).ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(Themes.All.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 4);
        for (var t = 0; t < Themes.All.Length; t++)
        {
            var plot = multiplot.GetPlot(t);
            var bars = new List<Bar>();
            for (var g = 0; g < grades.Length; g++)
            {
                var row = byGrade.FirstOrDefault(r => r.Theme == Themes.All[t] && r.Group == grades[g]);
                if (row is null || row.ThemeExtracts == 0) continue;
                double bottom = 0;
                foreach (var (stance, colour) in StanceColours)
                {
                    var share = 100.0 * Count(row, stance) / row.ThemeExtracts;
                    bars.Add(new Bar { Position = g, ValueBase = bottom, Value = bottom + share, FillColor = colour, LineWidth = 0 });
                    bottom += share;
                }
            }
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, grades.Length).Select(i => (double)i).ToArray(), grades.Select(GradeScale.Short).ToArray());
            plot.Axes.SetLimits(-0.6, grades.Length - 0.4, 0, 100);
            plot.Axes.Left.Label.Text = "% of extracts";
            plot.Title(Themes.All[t]);
            if (t == Themes.All.Length - 1)
            {
                foreach (var (stance, colour) in StanceColours)
                    plot.Legend.ManualItems.Add(new LegendItem { LabelText = stance, FillColor = colour });
                plot.Legend.Alignment = Alignment.LowerRight;
                plot.ShowLegend();
            }
            StyleText(plot);
        }
        multiplot.SavePng(path, 1600, 820);
        return path;
    }

    /// <summary>One line per theme: the share of each year's leadership extracts tagged with it.</summary>
    public static string ThemesOverYears(string path, IReadOnlyList<ThemeFrequencyRow> rows)
    {
        var byYear = rows.Where(r => r.Dimension == ThemeFrequency.ByYear).ToList();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var t = 0; t < Themes.All.Length; t++)
        {
            var points = byYear.Where(r => r.Theme == Themes.All[t]).OrderBy(r => r.Group, StringComparer.Ordinal).ToList();
            var line = plot.Add.Scatter(points.Select(r => double.Parse(r.Group, CultureInfo.InvariantCulture)).ToArray(), points.Select(r => 100 * r.Share).ToArray());
            line.LegendText = Themes.All[t];
            line.Color = palette.GetColor(t);
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        var years = byYear.Select(r => int.Parse(r.Group, CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(years.Select(y => (double)y).ToArray(), years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.Label.Text = "year the inspection ended";
        plot.Axes.Left.Label.Text = "% of the year's leadership extracts";
        plot.Axes.SetLimitsY(0, Math.Max(10, byYear.Select(r => 100 * r.Share).DefaultIfEmpty(0).Max() * 1.1));
        plot.Title("Themes in leadership extracts over the years");
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend(Edge.Right);
        StyleText(plot);
        plot.SavePng(path, 1200, 650);
        return path;
    }

    private static int Count(ThemeFrequencyRow row, string stance) => stance switch
    {
        "positive" => row.Positive,
        "negative" => row.Negative,
        "mixed" => row.Mixed,
        _ => row.Neutral,
    };

    private static void StyleText(Plot plot)
    {
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Title.Label.FontSize = 16;
    }
}
