using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using JudgementMiner.Output;
using JudgementMiner.Tests.Analysis;
using Parquet;
using Parquet.Serialization;

namespace JudgementMiner.Tests.Output;

/// <summary>The streaming generation writer: same files as the serializer wrote, row groups, carries by position.</summary>
public class GenerationWriterTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    private static readonly DatasetStamp Stamp = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "000042", "themes-test");

    /// <summary>A row as text; an empty theme list as null, since the serializer reads an empty list back as null (DuckDB does not: see ThemeShapes).</summary>
    private static string Json(object row) => row is ExtractRow { Themes.Count: 0 } e ? JsonSerializer.Serialize(WithNullThemes(e)) : JsonSerializer.Serialize(row);

    private static ExtractRow WithNullThemes(ExtractRow row)
    {
        return row with { Themes = null };
    }

    private static List<string> ThemeShapes(IEnumerable<ExtractRow> rows) =>
        rows.Select(e => e.Themes is null ? "null" : string.Join(";", e.Themes)).ToList();

    private static List<string> ThemeShapes(string path) =>
        DuckDbRows("SELECT CASE WHEN themes IS NULL THEN 'null' ELSE array_to_string(themes, ';') END FROM read_parquet('{0}')", path);

    [Fact]
    public async Task Rows_written_in_row_groups_read_back_identical_to_the_serializers_single_group_files()
    {
        using var temp = new TempDirectory();
        var extracts = sample.Extracts.Select(Copy).ToList();
        // The list column's corner cases, which a model-tagged sample never has: no list, an empty list, a null element.
        extracts[0] = extracts[0] with { Themes = null };
        extracts[1] = extracts[1] with { Themes = [] };
        extracts[2] = extracts[2] with { Themes = ["leadership", null!, "workforce"] };
        extracts[3] = extracts[3] with { Text = "" };
        extracts[4] = extracts[4] with { PublicationDate = null };
        var reports = sample.Reports;

        var before = Path.Combine(temp.Path, "serializer");
        Directory.CreateDirectory(before);
        var metadata = DatasetWriter.Metadata(Stamp);
        await ParquetSerializer.SerializeAsync(reports, Path.Combine(before, DatasetSchema.ReportsFile), new ParquetOptions(), metadata);
        await ParquetSerializer.SerializeAsync(extracts, Path.Combine(before, DatasetSchema.ExtractsFile), new ParquetOptions(), metadata);

        var after = Path.Combine(temp.Path, "streamed");
        await using (var writer = await GenerationWriter.CreateAsync(after, Stamp, new DatasetWriterOptions { ExtractRowGroupSize = 1000, ReportRowGroupSize = 3 }, default))
        {
            foreach (var report in reports) await writer.AddReportAsync(report, default);
            await writer.AddExtractsAsync(extracts, default);
            var counts = await writer.CompleteAsync(default);
            Assert.Equal(CountsOf(reports, extracts), counts);
        }

        foreach (var file in new[] { DatasetSchema.ReportsFile, DatasetSchema.ExtractsFile })
        {
            await using var a = await ParquetReader.CreateAsync(Path.Combine(before, file));
            await using var b = await ParquetReader.CreateAsync(Path.Combine(after, file));
            Assert.Equal(1, a.RowGroupCount);
            Assert.True(b.RowGroupCount > 1, $"{file}: {b.RowGroupCount} row group(s)");
            Assert.Equal(SchemaElements(a), SchemaElements(b));
            Assert.Equal(a.CustomMetadata.OrderBy(kv => kv.Key), b.CustomMetadata.OrderBy(kv => kv.Key));
        }
        Assert.Equal((await (await Dataset.OpenAsync(before)).ReadReportsAsync()).Select(Json), (await (await Dataset.OpenAsync(after)).ReadReportsAsync()).Select(Json));
        Assert.Equal((await (await Dataset.OpenAsync(before)).ReadExtractsAsync()).Select(Json), (await (await Dataset.OpenAsync(after)).ReadExtractsAsync()).Select(Json));
        // DuckDB tells a null list from an empty one (the serializer reads both as null): the two files agree there too.
        const string query = "SELECT extract_id, themes IS NULL, len(themes), list_count(themes), text, publication_date FROM read_parquet('{0}') ORDER BY extract_id";
        Assert.Equal(DuckDbRows(query, Path.Combine(before, DatasetSchema.ExtractsFile)), DuckDbRows(query, Path.Combine(after, DatasetSchema.ExtractsFile)));
    }

    [Fact]
    public async Task A_carry_copies_whole_groups_slices_split_ones_and_leaves_removed_reports_out()
    {
        using var temp = new TempDirectory();
        var options = new DatasetWriterOptions { ExtractRowGroupSize = 7, ReportRowGroupSize = 4 };
        // 30 extract rows in groups [0,7) [7,14) [14,21) [21,28) [28,30); report 2 failed (no rows); reports 4 and 5
        // are two files with one content (one report id), each owning its own rows.
        var (reports, extracts) = MakeDataset([3, 4, 0, 5, 2, 2, 6, 1, 4, 3], sharedIdPair: (4, 5));
        var first = Path.Combine(temp.Path, "g1");
        await WriteAsync(first, reports, extracts, options);

        var added = MakeReport(100, 2);
        var addedRows = Enumerable.Range(0, 2).Select(j => MakeExtract(added, j)).ToList();
        var second = Path.Combine(temp.Path, "g2");
        await using (var previous = await PreviousGeneration.OpenAsync(first))
        {
            Assert.Equal(30, previous.ExtractRowCount);
            Assert.Equal(14, previous.FirstExtractRow(5));
            await using var writer = await GenerationWriter.CreateAsync(second, Stamp, options, default);
            for (var i = 0; i <= 6; i++) await writer.CarryAsync(previous, i, null, default); // rows 0-22: three whole groups
            await writer.AddAsync(added, addedRows, default); // report 7 (row 22) removed, a new report in its place
            await writer.CarryAsync(previous, 8, null, default);
            await writer.CarryAsync(previous, 9, null, default);
            var counts = await writer.CompleteAsync(default);
            // The totals of copied and sliced groups are counted from their columns: they must equal the rows' own.
            Assert.Equal(CountsOf(reports.Take(7).Append(added).Concat(reports.Skip(8)).ToList(),
                extracts.Take(22).Concat(addedRows).Concat(extracts.Skip(23)).ToList()), counts);
            Assert.Equal(31, counts.ExtractRows);
            Assert.Equal(3, writer.CopiedGroups);
            Assert.Equal(2, writer.DecodedGroups); // group [21,28) split by the removed report; group [28,30) joins the leftover
        }

        var expectedReports = reports.Take(7).Append(added).Concat(reports.Skip(8)).ToList();
        var expectedExtracts = extracts.Take(22).Concat(addedRows).Concat(extracts.Skip(23)).ToList();
        Assert.Equal(expectedReports.Select(Json), (await (await Dataset.OpenAsync(second)).ReadReportsAsync()).Select(Json));
        Assert.Equal(expectedExtracts.Select(Json), (await (await Dataset.OpenAsync(second)).ReadExtractsAsync()).Select(Json));
        Assert.DoesNotContain(await (await Dataset.OpenAsync(second)).ReadExtractsAsync(), e => e.ReportId == reports[7].ReportId);
        Assert.Equal([7L, 7, 7, 7, 3], await RowGroupSizesAsync(Path.Combine(second, DatasetSchema.ExtractsFile)));
        Assert.Equal(ThemeShapes(expectedExtracts), ThemeShapes(Path.Combine(second, DatasetSchema.ExtractsFile)));

        // A second carry of the carried generation, all of it, reads the same rows again.
        var third = Path.Combine(temp.Path, "g3");
        await using (var previous = await PreviousGeneration.OpenAsync(second))
        {
            await using var writer = await GenerationWriter.CreateAsync(third, Stamp, options, default);
            for (var i = 0; i < previous.Reports.Count; i++) await writer.CarryAsync(previous, i, null, default);
            await writer.CompleteAsync(default);
            Assert.Equal(5, writer.CopiedGroups);
        }
        Assert.Equal(expectedExtracts.Select(Json), (await (await Dataset.OpenAsync(third)).ReadExtractsAsync()).Select(Json));
        Assert.Equal(ThemeShapes(expectedExtracts), ThemeShapes(Path.Combine(third, DatasetSchema.ExtractsFile)));
    }

    [Fact]
    public async Task A_transform_changes_only_the_carried_report_it_was_given()
    {
        using var temp = new TempDirectory();
        var options = new DatasetWriterOptions { ExtractRowGroupSize = 7 };
        var (reports, extracts) = MakeDataset([3, 4, 5, 6, 4], sharedIdPair: null);
        var first = Path.Combine(temp.Path, "g1");
        await WriteAsync(first, reports, extracts, options);

        var second = Path.Combine(temp.Path, "g2");
        var given = new List<(string Report, List<string> Extracts)>();
        await using (var previous = await PreviousGeneration.OpenAsync(first))
        {
            await using var writer = await GenerationWriter.CreateAsync(second, Stamp, options, default);
            for (var i = 0; i < reports.Count; i++)
            {
                CarryTransform? transform = i != 2 ? null : (report, rows) =>
                {
                    given.Add((Json(report), rows.Select(Json).ToList()));
                    return (report with { ModelVersion = "themes-new" }, rows.Select(row => row with { Stance = "negative", Themes = ["scrutiny"] }).ToList());
                };
                await writer.CarryAsync(previous, i, transform, default);
            }
            await writer.CompleteAsync(default);
        }

        var rowsOf2 = extracts.Where(e => e.ReportId == reports[2].ReportId).ToList();
        var (givenReport, givenRows) = Assert.Single(given);
        Assert.Equal(Json(reports[2]), givenReport);
        Assert.Equal(rowsOf2.Select(Json), givenRows); // rows 7-11, which span two row groups
        var expectedReports = reports.Select(Copy).ToList();
        expectedReports[2] = expectedReports[2] with { ModelVersion = "themes-new" };
        var expectedExtracts = extracts.Select(e => e.ReportId == reports[2].ReportId ? e with { Stance = "negative", Themes = ["scrutiny"] } : e).ToList();
        Assert.Equal(expectedReports.Select(Json), (await (await Dataset.OpenAsync(second)).ReadReportsAsync()).Select(Json));
        Assert.Equal(expectedExtracts.Select(Json), (await (await Dataset.OpenAsync(second)).ReadExtractsAsync()).Select(Json));
        Assert.Equal(ThemeShapes(expectedExtracts), ThemeShapes(Path.Combine(second, DatasetSchema.ExtractsFile)));
    }

    [Fact]
    public async Task Sentence_counts_that_do_not_add_up_to_the_extract_rows_are_a_clear_error()
    {
        using var temp = new TempDirectory();
        var (reports, extracts) = MakeDataset([3, 4], sharedIdPair: null);
        reports[1] = reports[1] with { SentenceCount = 5 };
        await WriteAsync(temp.Path, reports, extracts, DatasetWriterOptions.Default);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PreviousGeneration.OpenAsync(temp.Path));
        Assert.Contains(Path.Combine(temp.Path, DatasetSchema.ExtractsFile), error.Message);
        Assert.Contains("--full", error.Message);
    }

    [Fact]
    public async Task Carries_out_of_order_are_refused()
    {
        using var temp = new TempDirectory();
        var (reports, extracts) = MakeDataset([1, 1, 1], sharedIdPair: null);
        await WriteAsync(Path.Combine(temp.Path, "g1"), reports, extracts, DatasetWriterOptions.Default);
        await using var previous = await PreviousGeneration.OpenAsync(Path.Combine(temp.Path, "g1"));
        await using var writer = await GenerationWriter.CreateAsync(Path.Combine(temp.Path, "g2"), Stamp, DatasetWriterOptions.Default, default);
        await writer.CarryAsync(previous, 1, null, default);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.CarryAsync(previous, 1, null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.CarryAsync(previous, 0, null, default));
    }

    [Fact]
    public async Task Disposing_without_completing_leaves_no_file()
    {
        using var temp = new TempDirectory();
        var (reports, extracts) = MakeDataset([3, 20], sharedIdPair: null);
        await using (var writer = await GenerationWriter.CreateAsync(temp.Path, Stamp, new DatasetWriterOptions { ExtractRowGroupSize = 7 }, default))
        {
            await writer.AddAsync(reports[0], extracts.Take(3).ToList(), default);
            await writer.AddAsync(reports[1], extracts.Skip(3).ToList(), default); // full row groups already on disk
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(temp.Path));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task DuckDb_reads_a_file_of_many_row_groups()
    {
        using var temp = new TempDirectory();
        var (reports, extracts) = MakeDataset([3, 4, 0, 5, 2, 6, 1, 4, 3, 11], sharedIdPair: null);
        await WriteAsync(temp.Path, reports, extracts, new DatasetWriterOptions { ExtractRowGroupSize = 7, ReportRowGroupSize = 3 });
        Assert.Equal(6, (await RowGroupSizesAsync(Path.Combine(temp.Path, DatasetSchema.ExtractsFile))).Count);

        var expected = extracts.Select(e => string.Join("|", e.ExtractId, e.Page, e.Paragraph?.ToString(CultureInfo.InvariantCulture) ?? "NULL",
            e.Text, e.IsLeadershipExtract, e.Themes is null ? "NULL" : string.Join(";", e.Themes), e.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "NULL",
            e.PLeadership?.ToString("R", CultureInfo.InvariantCulture) ?? "NULL")).ToList();
        var actual = DuckDbRows("""
            SELECT extract_id, page, coalesce(CAST(paragraph AS VARCHAR), 'NULL'), text, is_leadership_extract,
                   CASE WHEN themes IS NULL THEN 'NULL' ELSE array_to_string(themes, ';') END,
                   coalesce(strftime(publication_date, '%Y-%m-%d'), 'NULL'), coalesce(CAST(p_leadership AS VARCHAR), 'NULL'),
                   typeof(publication_date), typeof(themes)
            FROM read_parquet('{0}')
            """, Path.Combine(temp.Path, DatasetSchema.ExtractsFile));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var columns = actual[i].Split('|');
            Assert.Equal(expected[i], string.Join("|", columns.Take(8)));
            Assert.Equal("DATE|VARCHAR[]", string.Join("|", columns.Skip(8)));
        }
        var reportRows = DuckDbRows("SELECT report_id, sentence_count, typeof(inspection_start) FROM read_parquet('{0}')", Path.Combine(temp.Path, DatasetSchema.ReportsFile));
        Assert.Equal(reports.Select(r => $"{r.ReportId}|{r.SentenceCount?.ToString(CultureInfo.InvariantCulture) ?? ""}|DATE"), reportRows);
    }

    // ---- helpers ----

    private static async Task WriteAsync(string directory, IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts, DatasetWriterOptions options)
    {
        await using var writer = await GenerationWriter.CreateAsync(directory, Stamp, options, default);
        foreach (var report in reports) await writer.AddReportAsync(report, default);
        await writer.AddExtractsAsync(extracts, default);
        await writer.CompleteAsync(default);
    }

    /// <summary>Reports with the given extract counts (0: a failed report) and their extracts, every column varied.</summary>
    private static (List<ReportRow> Reports, List<ExtractRow> Extracts) MakeDataset(int[] counts, (int, int)? sharedIdPair)
    {
        var reports = counts.Select((count, i) => MakeReport(i, count)).ToList();
        if (sharedIdPair is var (a, b))
        {
            reports[b] = reports[b] with { ReportId = reports[a].ReportId, FileSha256 = reports[a].FileSha256 };
        }
        var extracts = reports.SelectMany(r => Enumerable.Range(0, r.Status == "ok" ? r.SentenceCount!.Value : 0).Select(j => MakeExtract(r, j))).ToList();
        return (reports, extracts);
    }

    private static ReportRow MakeReport(int i, int count) => new()
    {
        ReportId = $"{i:x16}",
        SourcePath = $"/corpus/{i:D3}.pdf",
        FileSha256 = $"{i:x64}",
        Status = count == 0 ? "failed" : "ok",
        Error = count == 0 ? "not_a_pdf: html" : null,
        LocalAuthority = count == 0 ? null : $"Council {i}",
        Framework = i % 2 == 0 ? "ilacs" : "sif",
        InspectionStart = count == 0 ? null : new DateOnly(2020, 1, 1).AddDays(i),
        PublicationDate = count == 0 ? null : new DateOnly(2020, 3, 1).AddDays(i),
        GradeLeadership = i % 3 == 0 ? null : "good",
        PageCount = count == 0 ? null : 10 + i,
        SentenceCount = count == 0 ? null : count,
        PipelineVersion = "0.1.0",
        ModelVersion = "themes-old",
        PGradeGood = i % 2 == 0 ? 0.25f * i : null,
        PredictedGradeHeldOut = i % 3 == 1 ? true : i % 3 == 2 ? false : null,
    };

    private static ExtractRow MakeExtract(ReportRow report, int j) => new()
    {
        ReportId = report.ReportId,
        ExtractId = $"{report.ReportId}-{j:D5}-{report.SourcePath}",
        LocalAuthority = report.LocalAuthority,
        PublicationDate = j % 4 == 3 ? null : report.PublicationDate,
        Framework = report.Framework,
        Section = j % 2 == 0 ? "leadership" : "summary",
        SectionHeading = j % 3 == 0 ? null : $"Heading {j}",
        Page = j + 1,
        Paragraph = j % 2 == 0 ? j : null,
        ParagraphIndex = j / 2,
        Sentence = j % 2 + 1,
        Text = $"Sentence {j} of {report.SourcePath}, with text long enough to be text.",
        IsLeadershipExtract = j % 2 == 0,
        Themes = (j % 4) switch { 0 => null, 1 => [], 2 => ["leadership"], _ => ["scrutiny", "workforce"] },
        PLeadership = j % 5 == 0 ? null : j / 10f,
        Stance = j % 3 == 0 ? "positive" : null,
        StanceConfidence = 0.5f + j / 100f,
        ModelVersion = report.ModelVersion,
    };

    private static GenerationCounts CountsOf(IReadOnlyList<ReportRow> reports, IReadOnlyList<ExtractRow> extracts) => new(
        reports.Count, extracts.Count, extracts.Count(e => e.IsLeadershipExtract), extracts.Count(e => e.Themes is { Count: > 0 }),
        extracts.Select(e => e.ModelVersion).FirstOrDefault(v => v is not null));

    private static T Copy<T>(T row) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(row))!;

    private static List<string> SchemaElements(ParquetReader reader) => reader.Metadata!.Schema.Select(e =>
        $"{e.Name} {e.Type} {e.RepetitionType} {e.ConvertedType} {e.NumChildren} {JsonSerializer.Serialize(e.LogicalType)}").ToList();

    private static async Task<List<long>> RowGroupSizesAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return Enumerable.Range(0, reader.RowGroupCount).Select(g => reader.OpenRowGroupReader(g).RowCount).ToList();
    }

    private static List<string> DuckDbRows(string query, string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, query, path.Replace("'", "''", StringComparison.Ordinal));
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }
}
