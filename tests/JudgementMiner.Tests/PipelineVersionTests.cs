using System.Text.RegularExpressions;
using JudgementMiner.Output;
using JudgementMiner.Tests.Analysis;
using Xunit.Abstractions;

namespace JudgementMiner.Tests;

/// <summary>
/// The golden test that keeps the pipeline version honest: a run over data/sample without models must have the content
/// digest recorded for <see cref="DatasetSchema.PipelineVersion"/> in src/JudgementMiner/Resources/pipeline-versions.txt
/// (embedded in the library, so the record checked is the one built with the version). When extraction or sentence
/// splitting changes what it writes, this fails until the version is bumped and a line appended, and a nightly refresh
/// then re-reads every file.
/// </summary>
public partial class PipelineVersionTests(ITestOutputHelper output)
{
    private const string RecordFile = "src/JudgementMiner/Resources/pipeline-versions.txt";

    private sealed record RecordLine(int Number, string Version, string Digest);

    [Fact]
    public async Task The_sample_dataset_has_the_digest_recorded_for_the_pipeline_version()
    {
        var version = DatasetSchema.PipelineVersion;
        var last = ReadRecord()[^1];
        if (last.Version != version)
        {
            Assert.Fail($"Directory.Build.props says {version} but pipeline-versions.txt ends with {last.Version}: append a line for {version}");
        }

        using var temp = new TempDirectory();
        var dataset = Path.Combine(temp.Path, "dataset");
        SampleDataset.Write(dataset, models: null);
        var actual = await ContentDigest.ComputeAsync(dataset);
        output.WriteLine($"pipeline {version}, sample content digest {actual}");

        if (actual != last.Digest)
        {
            Assert.Fail($"The pipeline's output changed for the same input (data/sample, untagged): its content digest is {actual}, " +
                $"not the {last.Digest} recorded for {version}, but the pipeline version is still {version}. " +
                $"Bump <Version> in Directory.Build.props and append the line \"<new version> {actual}\" to {RecordFile}; never edit an existing line.");
        }
    }

    [Fact]
    public void Recorded_versions_are_unique_and_strictly_increasing()
    {
        var record = ReadRecord();
        for (var i = 1; i < record.Count; i++)
        {
            var (before, after) = (record[i - 1], record[i]);
            if (Version.Parse(after.Version) <= Version.Parse(before.Version))
            {
                Assert.Fail($"{RecordFile} line {after.Number}: version {after.Version} does not come after {before.Version} (line {before.Number}); " +
                    "versions must be unique and strictly increasing, so append a new version instead of reusing one");
            }
        }
    }

    /// <summary>The record's version lines, in file order; a malformed line fails naming its number.</summary>
    private static IReadOnlyList<RecordLine> ReadRecord()
    {
        using var stream = typeof(DatasetSchema).Assembly.GetManifestResourceStream("JudgementMiner.Resources.pipeline-versions.txt")
            ?? throw new InvalidOperationException($"{RecordFile} is not embedded in the library");
        using var reader = new StreamReader(stream);
        var lines = new List<RecordLine>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim() is "" || line.TrimStart().StartsWith('#')) continue;
            var match = LinePattern().Match(line);
            if (!match.Success || !Version.TryParse(match.Groups[1].Value, out _))
            {
                Assert.Fail($"{RecordFile} line {number} is not \"<version> <64 lowercase hex digits>\": {line}");
            }
            lines.Add(new RecordLine(number, match.Groups[1].Value, match.Groups[2].Value));
        }
        if (lines.Count == 0) Assert.Fail($"{RecordFile} has no version line");
        return lines;
    }

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+){1,3}) ([0-9a-f]{64})$")]
    private static partial Regex LinePattern();
}
