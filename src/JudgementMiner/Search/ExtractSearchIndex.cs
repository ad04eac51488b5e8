using JudgementMiner.Models;
using JudgementMiner.Output;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = System.IO.Directory;
using F = JudgementMiner.Search.ExtractIndexFields;

namespace JudgementMiner.Search;

/// <summary>
/// The Lucene full-text index of a dataset's extracts, kept in <c>&lt;dataset&gt;/search-index</c>. It is built on
/// the first search and rebuilt whenever the dataset changes (the <see cref="Dataset"/>'s generation folder, the
/// files' metadata, size and time are recorded in a stamp file), so later searches read only the index. A new index is built under a temporary name and
/// swapped in, so a search never sees half an index.
/// </summary>
public static class ExtractSearchIndex
{
    public const string FolderName = "search-index";
    private const string StampFile = "dataset.stamp";
    internal static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyser of the text field: English stemming and stop words, so "challenges" finds "challenge".</summary>
    internal static EnglishAnalyzer CreateAnalyzer() => new(Version);

    public static string PathFor(string datasetDirectory) => Path.Combine(datasetDirectory, FolderName);

    /// <summary>True when the index exists and was built from the dataset the folder holds now.</summary>
    /// <exception cref="DatasetOpenException">The folder is not a readable dataset.</exception>
    public static bool IsCurrent(string datasetDirectory) => IsCurrent(Dataset.Open(datasetDirectory));

    /// <summary>True when the index exists and was built from <paramref name="dataset"/>.</summary>
    public static bool IsCurrent(Dataset dataset)
    {
        var stamp = Path.Combine(PathFor(dataset.Folder), StampFile);
        return File.Exists(stamp) && File.ReadAllText(stamp) == DatasetStampOf(dataset);
    }

    /// <summary>True when the index is current, or when there is no readable dataset to index (so nothing will be built).</summary>
    public static bool IsCurrentOrMissingDataset(string datasetDirectory)
    {
        try
        {
            return IsCurrent(datasetDirectory);
        }
        catch (DatasetOpenException)
        {
            return true;
        }
    }

    /// <summary>Builds the index unless it is current; returns true when it was (re)built.</summary>
    /// <exception cref="DatasetOpenException">The folder is not a readable dataset.</exception>
    public static async Task<bool> EnsureAsync(string datasetDirectory, CancellationToken cancellationToken = default) =>
        await EnsureAsync(await Dataset.OpenAsync(datasetDirectory, cancellationToken), cancellationToken);

    /// <summary>Builds the index of <paramref name="dataset"/> unless it is current; returns true when it was (re)built.</summary>
    public static async Task<bool> EnsureAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        if (IsCurrent(dataset)) return false;
        var stamp = DatasetStampOf(dataset);
        // One file copied into two folders gives two rows with the same id; prefer the processed one.
        var reports = (await dataset.ReadReportsAsync(cancellationToken))
            .GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.IsOk).First());
        var extracts = await dataset.ReadExtractsAsync(cancellationToken);
        var target = PathFor(dataset.Folder);
        var temporary = target + ".building-" + Guid.NewGuid().ToString("N");
        try
        {
            Build(temporary, reports, extracts, cancellationToken);
            File.WriteAllText(Path.Combine(temporary, StampFile), stamp);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(temporary, target);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        return true;
    }

    private static void Build(string folder, IReadOnlyDictionary<string, ReportRow> reports, IEnumerable<ExtractRow> extracts, CancellationToken cancellationToken)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = CreateAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE });
        var lastInspection = LastInspectionGrades(reports.Values);
        foreach (var extract in extracts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.TryGetValue(extract.ReportId, out var report);
            writer.AddDocument(ToDocument(extract, report, lastInspection.GetValueOrDefault(extract.ReportId)));
        }
        writer.Commit();
    }

    /// <summary>
    /// For every document with a council and a date, the overall effectiveness grade of that council's latest full
    /// inspection published on or before it, from the dataset's own reports (by LA code).
    /// </summary>
    public static Dictionary<string, string> LastInspectionGrades(IEnumerable<ReportRow> reports)
    {
        var all = reports.Where(r => r.IsOk && r.LaCode is not null && r.PublicationDate is not null).ToList();
        var inspections = all.Where(r => r.InspectionType == "inspection" && r.GradeOverallEffectiveness is not null)
            .GroupBy(r => r.LaCode!).ToDictionary(g => g.Key, g => g.OrderBy(r => r.PublicationDate).ToList());
        var grades = new Dictionary<string, string>();
        foreach (var document in all)
        {
            if (!inspections.TryGetValue(document.LaCode!, out var council)) continue;
            var last = council.LastOrDefault(r => r.PublicationDate <= document.PublicationDate);
            if (last is not null) grades[document.ReportId] = last.GradeOverallEffectiveness!;
        }
        return grades;
    }

    private static Document ToDocument(ExtractRow extract, ReportRow? report, string? lastInspectionGrade)
    {
        var document = new Document
        {
            new StringField(F.ExtractId, extract.ExtractId, Field.Store.YES),
            new StringField(F.ReportId, extract.ReportId, Field.Store.YES),
            new TextField(F.Text, extract.Text, Field.Store.YES),
            new StringField(F.Framework, extract.Framework, Field.Store.YES),
            new StringField(F.InspectionType, string.IsNullOrEmpty(extract.InspectionType) ? "inspection" : extract.InspectionType, Field.Store.YES),
            new StringField(F.Section, extract.Section, Field.Store.YES),
            new Int32Field(F.ReportDate, DateNumber(extract.PublicationDate ?? report?.PublicationDate), Field.Store.YES),
            new StoredField(F.Page, extract.Page),
            new StringField(F.Leadership, extract.IsLeadershipExtract ? "true" : "false", Field.Store.YES),
        };
        AddOptional(document, F.SectionHeading, extract.SectionHeading, indexed: false);
        AddOptional(document, F.SectionGrade, extract.SectionGrade);
        AddOptional(document, F.LastInspectionGrade, lastInspectionGrade);
        AddOptional(document, F.OverallGrade, report?.GradeOverallEffectiveness ?? extract.GradeOverallEffectiveness);
        AddOptional(document, F.LeadershipGrade, report?.GradeLeadership ?? extract.GradeLeadership);
        AddOptional(document, F.LocalAuthority, (report?.LocalAuthority ?? extract.LocalAuthority) is { } council ? $" {F.NormalisedName(council)} " : null);
        AddOptional(document, F.LocalAuthorityDisplay, report?.LocalAuthority ?? extract.LocalAuthority, indexed: false);
        AddOptional(document, F.Region, report?.Region?.ToLowerInvariant());
        AddOptional(document, F.RegionDisplay, report?.Region, indexed: false);
        AddOptional(document, F.Stance, extract.Stance);
        if (extract.Paragraph is { } paragraph) document.Add(new StoredField(F.Paragraph, paragraph));
        if (extract.StanceConfidence is { } confidence) document.Add(new StoredField(F.StanceConfidence, confidence));
        foreach (var theme in extract.Themes ?? []) document.Add(new StringField(F.Theme, theme, Field.Store.YES));
        foreach (var (theme, probability) in Probabilities(extract))
            if (probability is { } p) document.Add(new StoredField(F.Probability(theme), p));
        return document;
    }

    private static void AddOptional(Document document, string field, string? value, bool indexed = true)
    {
        if (string.IsNullOrEmpty(value)) return;
        document.Add(indexed ? new StringField(field, value, Field.Store.YES) : new StoredField(field, value));
    }

    internal static IEnumerable<(string Theme, float? Probability)> Probabilities(ExtractRow extract)
    {
        float?[] values =
        [
            extract.PLeadership, extract.PScrutiny, extract.PCorporateParenting, extract.PPartnerships, extract.PPerformanceManagement,
            extract.PWorkforce, extract.PVoiceOfChild, extract.PSufficiency,
        ];
        return Themes.All.Select((theme, i) => (theme, values[i]));
    }

    internal static int DateNumber(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0;

    internal static DateOnly? DateFromNumber(int number) =>
        number <= 0 ? null : new DateOnly(number / 10000, number / 100 % 100, number % 100);

    /// <summary>
    /// What identifies one version of the dataset: its generation folder and each file's metadata (generation, versions,
    /// run time), size and time; the size and time also tell apart two versions of a dataset from before generations.
    /// </summary>
    private static string DatasetStampOf(Dataset dataset)
    {
        var parts = new List<string> { dataset.Directory };
        foreach (var (file, metadata) in dataset.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            parts.Add(file + " " + string.Join(' ', metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")));
        parts.AddRange(dataset.FileIdentities);
        return string.Join('\n', parts) + "\nindex-format 4";
    }
}
