using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using JudgementMiner.Explorer;
using JudgementMiner.Models;
using JudgementMiner.Output;
using JudgementMiner.Tests.Analysis;

namespace JudgementMiner.Tests.Explorer;

/// <summary>
/// The explorer's data read back the way the page reads it: every column through its stated type and offset, and the
/// text chunks in order, give back the sample dataset's extracts of the reports read without error.
/// </summary>
public class ExplorerDataTests(SampleDataset sample) : IClassFixture<SampleDataset>
{
    [Fact]
    public void Columns_and_text_chunks_read_back_as_the_extracts()
    {
        // Small chunks, so that the sample's extracts span many of them as the corpus's do.
        const int chunkSize = 100;
        var data = ExplorerData.From(sample.Reports, sample.Extracts, DateTimeOffset.UnixEpoch, chunkSize);
        var ok = sample.Reports.Where(r => r.Status == "ok").ToList();
        var extracts = sample.Extracts.Where(e => ok.Any(r => r.ReportId == e.ReportId)).ToList();
        Assert.True(ok.Count < sample.Reports.Count, "the sample has a file that is not a report, whose row the page leaves out");

        var packed = Unpacked.From(data);
        Assert.Equal(extracts.Count, packed.Count);
        Assert.Equal(extracts.Select(e => e.Text), packed.Texts);
        Assert.Equal((extracts.Count + chunkSize - 1) / chunkSize, data.TextChunks.Count);
        Assert.Equal(chunkSize, packed.Meta.GetProperty("text_chunk_size").GetInt32());

        var reports = packed.Meta.GetProperty("reports");
        var reportIds = Strings(reports, "id");
        Assert.Equal(ok.Select(r => r.ReportId), reportIds);
        Assert.Equal(ok.Select(r => r.LocalAuthority), Strings(reports, "council"));
        Assert.Equal(ok.Select(r => r.PublicationDate?.ToString("yyyy-MM-dd")), Strings(reports, "date"));
        var grades = Strings(packed.Meta, "grades");
        Assert.Equal(ok.Select(r => r.GradeOverallEffectiveness), Numbers(reports, "grade_overall").Select(g => g < 0 ? null : grades[g]));
        Assert.Equal(ok.Select(r => r.GradeLeadership), Numbers(reports, "grade_leadership").Select(g => g < 0 ? null : grades[g]));
        var frameworks = Strings(packed.Meta, "frameworks");
        Assert.Equal(ok.Select(r => r.Framework), Numbers(reports, "framework").Select(f => frameworks[f]));

        Assert.Equal(extracts.Select(e => e.ReportId), packed.Column("report").Select(r => reportIds[r]));
        var sections = Strings(packed.Meta, "sections");
        Assert.Equal(extracts.Select(e => e.Section), packed.Column("section").Select(i => sections[i]));
        var headings = Strings(packed.Meta, "headings");
        Assert.Equal(extracts.Select(e => e.SectionHeading ?? ""), packed.Column("heading").Select(i => headings[i]));
        Assert.Equal(extracts.Select(e => e.SectionGrade), packed.Column("section_grade").Select(g => g < 0 ? null : grades[g]));
        Assert.Equal(extracts.Select(e => e.Page), packed.Column("page"));
        Assert.Equal(extracts.Select(e => e.Paragraph ?? 0), packed.Column("paragraph"));
        Assert.Equal(extracts.Select(e => e.ParagraphIndex), packed.Column("paragraph_index"));
        Assert.Equal(extracts.Select(e => e.Stance is null ? -1 : Array.IndexOf(Themes.Stances, e.Stance)), packed.Column("stance"));
        Assert.Equal(extracts.Select(e => e.IsLeadershipExtract ? 1 : 0), packed.Column("leadership"));
        var masks = packed.Column("themes");
        for (var i = 0; i < extracts.Count; i++)
            Assert.Equal((extracts[i].Themes ?? []).Order(), Themes.All.Where((_, bit) => (masks[i] & (1 << bit)) != 0).Order());
        // A missing grade is -1, so that column needs a signed type.
        Assert.StartsWith("i", packed.Layout["section_grade"].Type);
    }

    [Fact]
    public void A_column_takes_the_narrowest_type_that_holds_its_values()
    {
        var report = new ReportRow { ReportId = "r1", Status = "ok", Framework = "ilacs" };
        // Pages past 65,535 need 32 bits; paragraph numbers from -200 to 300 need a signed 16 bits.
        (int Page, int Paragraph)[] values = [(70_000, -200), (1, 300), (65_535, 0)];
        var extracts = values
            .Select((x, i) => new ExtractRow { ReportId = "r1", Section = "leadership", Page = x.Page, ParagraphIndex = x.Paragraph, Text = $"sentence {i}" })
            .ToList();

        var packed = Unpacked.From(ExplorerData.From([report], extracts, DateTimeOffset.UnixEpoch));

        Assert.Equal("i32", packed.Layout["page"].Type);
        Assert.Equal([70_000, 1, 65_535], packed.Column("page"));
        Assert.Equal("i16", packed.Layout["paragraph_index"].Type);
        Assert.Equal([-200, 300, 0], packed.Column("paragraph_index"));
        Assert.Equal("u8", packed.Layout["report"].Type);
        Assert.Equal("i8", packed.Layout["stance"].Type); // no stance: -1
        foreach (var (type, offset) in packed.Layout.Values) Assert.Equal(0, offset % Width(type)); // a typed array needs this
        Assert.Equal(["sentence 0", "sentence 1", "sentence 2"], packed.Texts);
    }

    [Fact]
    public void A_dataset_without_extracts_gives_empty_columns_and_no_text_chunks()
    {
        var report = new ReportRow { ReportId = "r1", Status = "ok", Framework = "ilacs" };
        var data = ExplorerData.From([report], [], DateTimeOffset.UnixEpoch);
        var packed = Unpacked.From(data);
        Assert.Equal(0, packed.Count);
        Assert.Empty(data.TextChunks);
        Assert.Empty(packed.Column("page"));
    }

    /// <summary>The data read back as the page reads it.</summary>
    private sealed record Unpacked(JsonElement Meta, byte[] Columns, Dictionary<string, (string Type, int Offset)> Layout, List<string> Texts)
    {
        public int Count => Meta.GetProperty("count").GetInt32();

        public static Unpacked From(ExplorerData data)
        {
            var meta = JsonDocument.Parse(data.MetaJson).RootElement;
            var layout = meta.GetProperty("columns").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("type").GetString()!, c.GetProperty("offset").GetInt32()));
            var texts = data.TextChunks.SelectMany(chunk => Encoding.UTF8.GetString(Gunzip(chunk)).Split(ExplorerData.TextSeparator)).ToList();
            return new Unpacked(meta, Gunzip(data.Columns), layout, texts);
        }

        public int[] Column(string name) =>
            Enumerable.Range(0, Count).Select(i => Read(Columns, Layout[name].Type, Layout[name].Offset, i)).ToArray();
    }

    private static List<string?> Strings(JsonElement parent, string name) => parent.GetProperty(name).EnumerateArray().Select(x => x.GetString()).ToList();

    private static List<int> Numbers(JsonElement parent, string name) => parent.GetProperty(name).EnumerateArray().Select(x => x.GetInt32()).ToList();

    private static int Width(string type) => type switch { "u8" or "i8" => 1, "u16" or "i16" => 2, _ => 4 };

    private static int Read(byte[] bytes, string type, int offset, int index) => type switch
    {
        "u8" => bytes[offset + index],
        "i8" => (sbyte)bytes[offset + index],
        "u16" => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 2 * index)),
        "i16" => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset + 2 * index)),
        "i32" => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4 * index)),
        _ => throw new InvalidDataException($"unknown column type {type}"),
    };

    private static byte[] Gunzip(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
