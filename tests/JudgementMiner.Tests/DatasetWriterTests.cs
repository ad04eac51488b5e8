using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Output;

namespace JudgementMiner.Tests;

public class DatasetWriterTests
{
    private static List<ReportRow> SampleRows()
    {
        return Fixtures.SamplePdfs.Select(p => Fixtures.Rows(Fixtures.Ingest(p)).Report).ToList();
    }

    [Fact]
    public async Task Rows_round_trip_through_parquet()
    {
        using var temp = new TempDirectory();
        var rows = SampleRows();
        var runTime = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await DatasetWriter.Instance.WriteReportsAsync(temp.Path, rows, new DatasetStamp(runTime, "000001", null), CancellationToken.None);
        var back = await ParquetFile.ReadAsync<ReportRow>(Path.Combine(temp.Path, DatasetSchema.ReportsFile));

        Assert.Equal(rows.Count, back.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var property in typeof(ReportRow).GetProperties())
                Assert.True(SameValue(property.GetValue(rows[i]), property.GetValue(back[i])),
                    $"row {i} {property.Name}: wrote '{property.GetValue(rows[i])}', read '{property.GetValue(back[i])}'");
        }
    }

    /// <summary>Values equal, lists (visit themes, inspectors) element by element.</summary>
    private static bool SameValue(object? written, object? read) =>
        written is IEnumerable<string> a && read is IEnumerable<string> b ? a.SequenceEqual(b) : Equals(written, read);

    [Fact]
    public async Task Metadata_names_the_schema_version_and_no_temporary_file_is_left()
    {
        using var temp = new TempDirectory();
        var runTime = DateTimeOffset.UtcNow;
        await DatasetWriter.Instance.WriteReportsAsync(temp.Path, SampleRows(), new DatasetStamp(runTime, "000001", null), CancellationToken.None);
        // Writing again replaces the file in place.
        await DatasetWriter.Instance.WriteReportsAsync(temp.Path, SampleRows().Take(2).ToList(), new DatasetStamp(runTime, "000002", null), CancellationToken.None);

        var file = Path.Combine(temp.Path, DatasetSchema.ReportsFile);
        var metadata = await ParquetFile.MetadataAsync(file);
        Assert.Equal(DatasetSchema.Version, metadata["judgementminer.schema_version"]);
        Assert.Equal(DatasetSchema.PipelineVersion, metadata["judgementminer.pipeline_version"]);
        Assert.Equal(runTime, DateTimeOffset.Parse(metadata["judgementminer.run_time"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("000002", metadata["judgementminer.generation"]);

        Assert.Equal(2, (await ParquetFile.ReadAsync<ReportRow>(file)).Count);
        Assert.Equal([DatasetSchema.ReportsFile], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }
}
