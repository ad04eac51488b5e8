using System.Globalization;
using DuckDB.NET.Data;
using JudgementMiner.Analysis;
using JudgementMiner.Models;

namespace JudgementMiner.Tests.Analysis;

/// <summary>The Parquet contract as researchers meet it: DuckDB opens both files and its SQL agrees with <c>stats</c>.</summary>
public class DuckDbContractTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    [Fact]
    public async Task A_sql_theme_by_grade_count_equals_what_stats_prints()
    {
        using var temp = new TempDirectory();
        var (exitCode, stdout, stderr) = await CliTests.RunCliAsync("stats", "--dataset", sample.Directory, "--out", temp.Path, "--no-charts");
        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var printed = File.ReadAllLines(Path.Combine(temp.Path, StatsCsv.FrequencyFile)).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == ThemeFrequency.ByLeadershipGrade)
            .ToDictionary(c => (Grade: c[1], Theme: c[2]), c => int.Parse(c[5], CultureInfo.InvariantCulture));

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // Both files, joined as a researcher would: leadership extracts of processed reports, one row per theme.
        command.CommandText = $"""
            SELECT r.grade_leadership, e.theme, count(*) AS n
            FROM (SELECT report_id, unnest(themes) AS theme
                  FROM read_parquet('{Path.Combine(sample.Directory, "extracts.parquet")}') WHERE is_leadership_extract) e
            JOIN (SELECT DISTINCT report_id, grade_leadership
                  FROM read_parquet('{Path.Combine(sample.Directory, "reports.parquet")}') WHERE status = 'ok') r USING (report_id)
            WHERE r.grade_leadership IS NOT NULL
            GROUP BY 1, 2
            """;
        var fromSql = new Dictionary<(string Grade, string Theme), int>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                fromSql[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);

        Assert.NotEmpty(fromSql);
        foreach (var ((grade, theme), count) in printed)
        {
            Assert.Equal(fromSql.GetValueOrDefault((grade, theme)), count);
            Assert.Contains($"({count})", stdout); // the console table prints each count in brackets
        }
        Assert.All(fromSql.Keys, key => Assert.True(printed.ContainsKey(key), $"SQL has {key} that stats lacks"));
        Assert.Contains(fromSql.Keys, key => Themes.IsTheme(key.Theme));
    }
}
