using System.Collections.Concurrent;
using JudgementMiner.Evaluation;
using JudgementMiner.Ingestion;
using JudgementMiner.Output;
using JudgementMiner.Pipeline;

namespace JudgementMiner.Tests;

/// <summary>Finds the repository's sample reports and verified truth, and caches ingestion results between tests.</summary>
public static class Fixtures
{
    private static readonly ConcurrentDictionary<string, Lazy<IngestedReport>> Ingested = new();

    /// <summary>The repository root: the first folder above the test assembly that holds JudgementMiner.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SampleDirectory => Path.Combine(RepoRoot, "data", "sample");

    public static string TruthFile => Path.Combine(SampleDirectory, "grades_sample.csv");

    public static string EncryptedPdf => Path.Combine(RepoRoot, "tests", "JudgementMiner.Tests", "Fixtures", "encrypted.pdf");

    /// <summary>Every *.pdf under data/sample, full paths, in ordinal order (the order InputDiscovery uses).</summary>
    public static IReadOnlyList<string> SamplePdfs { get; } =
        Directory.EnumerateFiles(SampleDirectory, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<GradeTruthRow> TruthRows { get; } = GradeTruth.Load(TruthFile);

    /// <summary>The sample letters (focused visit, joint inspection, area SEND, a trust's) under data/sample/letters.</summary>
    public static string LettersDirectory => Path.Combine(SampleDirectory, "letters");

    /// <summary>The readers' truth rows of the sample letters, copied from data/truth/letters_dev.csv.</summary>
    public static IReadOnlyList<LetterTruthRow> LetterTruthRows { get; } = LetterTruth.Load(Path.Combine(LettersDirectory, "letters_sample.csv"));

    public static string PathOf(LetterTruthRow row) => Path.Combine(LettersDirectory, row.File);

    public static string PathOf(GradeTruthRow row) => Path.Combine(SampleDirectory, row.LaFolder, row.File);

    public static GradeTruthRow TruthFor(string key) => TruthRows.Single(r => r.Key == key);

    /// <summary>Truth keys ("la folder/file") of the sample rows, for theories.</summary>
    public static TheoryData<string> TruthKeys()
    {
        var data = new TheoryData<string>();
        foreach (var row in TruthRows) data.Add(row.Key);
        return data;
    }

    /// <summary>Truth keys of the sample rows that are real PDFs (the truth has a framework).</summary>
    public static TheoryData<string> ReadableTruthKeys()
    {
        var data = new TheoryData<string>();
        foreach (var row in TruthRows.Where(r => r.Fields["framework"] != "")) data.Add(row.Key);
        return data;
    }

    /// <summary>The sample PDF that is really an HTML page.</summary>
    public static string HtmlSample => PathOf(TruthRows.Single(r => r.Fields["framework"] == ""));

    /// <summary>The smallest real PDF in the sample, used as the base of damaged copies.</summary>
    public static string SmallestRealPdf => TruthRows.Where(r => r.Fields["framework"] != "")
        .Select(PathOf).OrderBy(p => new FileInfo(p).Length).First();

    /// <summary>The default pipeline, untagged (no models): what most tests read files with.</summary>
    public static Pipeline.Pipeline Pipeline { get; } = new PipelineBuilder().Build();

    /// <summary>An ingested file's rows, through the rest of the untagged pipeline.</summary>
    public static ReportRows Rows(IngestedReport ingested) => Pipeline.Mapper.Map(Pipeline.Process(ingested, CancellationToken.None));

    /// <summary>Ingests a sample file once per test run (ingestion is deterministic).</summary>
    public static IngestedReport Ingest(string path) =>
        Ingested.GetOrAdd(path, p => new Lazy<IngestedReport>(() => ReportIngestor.Default.Ingest(p))).Value;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JudgementMiner.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no JudgementMiner.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jm-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>Tests that time processes or load the machine run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTests
{
    public const string Name = "serial";
}
