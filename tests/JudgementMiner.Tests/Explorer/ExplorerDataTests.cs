using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using JudgementMiner.Explorer;
using JudgementMiner.Models;
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
        var ok = sample.Reports.Where(r => r.Status == "ok").Select(r => r.ReportId).ToHashSet();
        var extracts = sample.Extracts.Where(e => ok.Contains(e.ReportId)).ToList();

        using var meta = JsonDocument.Parse(data.MetaJson);
        Assert.Equal(extracts.Count, meta.RootElement.GetProperty("count").GetInt32());
        var texts = data.TextChunks.SelectMany(chunk => Encoding.UTF8.GetString(Gunzip(chunk)).Split(ExplorerData.TextSeparator)).ToList();
        Assert.Equal(extracts.Select(e => e.Text), texts);
        Assert.Equal((extracts.Count + chunkSize - 1) / chunkSize, data.TextChunks.Count);
        Assert.Equal(chunkSize, meta.RootElement.GetProperty("text_chunk_size").GetInt32());

        var columns = Gunzip(data.Columns);
        var layout = meta.RootElement.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (Type: c.GetProperty("type").GetString()!, Offset: c.GetProperty("offset").GetInt32()));
        int[] Column(string name) => Enumerable.Range(0, extracts.Count).Select(i => Read(columns, layout[name].Type, layout[name].Offset, i)).ToArray();

        var reportIds = meta.RootElement.GetProperty("reports").GetProperty("id").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(extracts.Select(e => e.ReportId), Column("report").Select(r => reportIds[r]));
        Assert.Equal(extracts.Select(e => e.Page), Column("page"));
        Assert.Equal(extracts.Select(e => e.ParagraphIndex), Column("paragraph_index"));
        Assert.Equal(extracts.Select(e => e.Stance is null ? -1 : Array.IndexOf(Themes.Stances, e.Stance)), Column("stance"));
        Assert.Equal(extracts.Select(e => e.IsLeadershipExtract ? 1 : 0), Column("leadership"));
        var masks = Column("themes");
        for (var i = 0; i < extracts.Count; i++)
            Assert.Equal((extracts[i].Themes ?? []).Order(), Themes.All.Where((_, bit) => (masks[i] & (1 << bit)) != 0).Order());
        // A missing grade is -1, so that column needs a signed type; offsets suit a typed array of the type.
        Assert.StartsWith("i", layout["section_grade"].Type);
        foreach (var (type, offset) in layout.Values) Assert.Equal(0, offset % Width(type));
    }

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
