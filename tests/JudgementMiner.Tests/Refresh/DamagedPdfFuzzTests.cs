using System.Text;
using JudgementMiner.Ingestion;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests.Refresh;

/// <summary>
/// 500 damaged copies of the real sample reports (truncated, bytes flipped, bytes inserted, streams removed), read in
/// one batch with the well-formed reports: nothing crashes or hangs, every file gets a row, and the well-formed
/// reports come out exactly as they do in a clean batch.
/// </summary>
public class DamagedPdfFuzzTests
{
    private const int DamagedCount = 500;

    [Fact]
    public void Five_hundred_damaged_pdfs_get_a_row_each_and_leave_the_good_files_untouched()
    {
        using var temp = new TempDirectory();
        var sources = Fixtures.SamplePdfs.Where(p => p != Fixtures.HtmlSample).Select(p => (Path: p, Bytes: File.ReadAllBytes(p))).ToList();
        var random = new Random(20261130);
        var damaged = new List<string>();
        for (var i = 0; i < DamagedCount; i++)
        {
            var source = sources[i % sources.Count];
            var kind = (Damage)(i / sources.Count % 4);
            var path = temp.File($"damaged-{i:D3}-{kind}.pdf");
            File.WriteAllBytes(path, Apply(kind, source.Bytes, random));
            damaged.Add(path);
        }
        var good = sources.Select(s => s.Path).ToList();
        var batch = good.Concat(damaged).ToList();
        var options = new BatchOptions { Limits = FileLimits.Default with { TimeLimit = TimeSpan.FromSeconds(30) } };

        var mixed = new BatchRunner(Fixtures.Pipeline).Run(batch, options);
        var clean = new BatchRunner(Fixtures.Pipeline).Run(good, options);

        Assert.Equal(batch, mixed.Select(p => p.Report.SourcePath));
        Assert.All(mixed, p => Assert.True(p.Report.Status is "ok" or "failed" or "skipped_not_a_report", p.Report.Status));
        Assert.All(mixed.Where(p => p.Report.Status != "ok"), p => Assert.Matches("^[a-z_]+: .+", p.Report.Error!));
        Assert.DoesNotContain(mixed, p => p.Report.Error?.StartsWith("time_limit", StringComparison.Ordinal) == true);
        for (var i = 0; i < good.Count; i++)
        {
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(clean[i].Report), System.Text.Json.JsonSerializer.Serialize(mixed[i].Report));
            Assert.Equal(clean[i].Extracts.Select(e => System.Text.Json.JsonSerializer.Serialize(e)), mixed[i].Extracts.Select(e => System.Text.Json.JsonSerializer.Serialize(e)));
        }
        // The damage is real: many copies cannot be read at all.
        Assert.True(mixed.Count(p => p.Report.Status == "failed") >= DamagedCount / 4, $"only {mixed.Count(p => p.Report.Status == "failed")} damaged files failed");
    }

    private enum Damage
    {
        Truncated,
        BytesFlipped,
        BytesInserted,
        StreamsRemoved,
    }

    private static byte[] Apply(Damage kind, byte[] original, Random random)
    {
        switch (kind)
        {
            case Damage.Truncated:
                return original[..random.Next(0, original.Length)];
            case Damage.BytesFlipped:
            {
                var bytes = (byte[])original.Clone();
                for (var n = random.Next(1, 200); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                return bytes;
            }
            case Damage.BytesInserted:
            {
                var bytes = new List<byte>(original);
                for (var n = random.Next(1, 20); n > 0; n--)
                {
                    var junk = new byte[random.Next(1, 4096)];
                    random.NextBytes(junk);
                    bytes.InsertRange(random.Next(bytes.Count), junk);
                }
                return bytes.ToArray();
            }
            default:
                return RemoveStreams(original, random);
        }
    }

    /// <summary>Cuts out the data of about half the streams (between "stream" and "endstream"), as a broken writer might.</summary>
    private static byte[] RemoveStreams(byte[] original, Random random)
    {
        var text = Encoding.Latin1.GetString(original); // Latin-1 maps every byte to one char and back
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (true)
        {
            var start = text.IndexOf("stream", at, StringComparison.Ordinal);
            if (start < 0 || start > 0 && text[start - 1] == 'd') break; // no more streams
            var end = text.IndexOf("endstream", start + 6, StringComparison.Ordinal);
            if (end < 0) break;
            result.Append(text, at, start + 6 - at);
            if (random.Next(2) == 0) result.Append('\n');
            else result.Append(text, start + 6, end - start - 6);
            result.Append("endstream");
            at = end + 9;
        }
        result.Append(text, at, text.Length - at);
        return Encoding.Latin1.GetBytes(result.ToString());
    }
}
