using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Models;
using JudgementMiner.Output;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using F = JudgementMiner.Search.ExtractIndexFields;

namespace JudgementMiner.Search;

/// <summary>
/// Answers an <see cref="ExtractQuery"/> from a dataset's <see cref="ExtractSearchIndex"/>. With a text query, hits are
/// ranked by Lucene's relevance (TF-IDF over the stemmed text); without one, by the model's probability of the
/// requested themes (the highest of them), times the stance's probability when a stance is asked for, so the clearest
/// examples come first.
/// </summary>
public sealed class ExtractSearcher : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private ExtractSearcher(string indexFolder)
    {
        _directory = FSDirectory.Open(indexFolder);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    /// <summary>Opens the dataset's index, building it first if it is missing or out of date.</summary>
    /// <exception cref="DatasetOpenException">The folder is not a readable dataset.</exception>
    public static async Task<ExtractSearcher> OpenAsync(string datasetDirectory, CancellationToken cancellationToken = default)
    {
        var dataset = await Dataset.OpenAsync(datasetDirectory, cancellationToken);
        await ExtractSearchIndex.EnsureAsync(dataset, cancellationToken);
        return new ExtractSearcher(ExtractSearchIndex.PathFor(dataset.Folder));
    }

    /// <summary>Every extract in the index.</summary>
    public int Count => _reader.NumDocs;

    /// <exception cref="ArgumentException">A filter names an unknown theme, stance or grade, or the text query cannot be parsed.</exception>
    public (IReadOnlyList<SearchHit> Hits, int TotalMatches) Search(ExtractQuery query)
    {
        var filter = FilterOf(query);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = ParseText(query.Text);
            // Only the text query scores: the filters are wrapped to match without adding to the relevance.
            var combined = new BooleanQuery { { text, Occur.MUST }, { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST } };
            var top = _searcher.Search(combined, Math.Max(1, query.Limit));
            var hits = top.ScoreDocs.Select((d, i) => ToHit(_searcher.Doc(d.Doc), i + 1, query, d.Score)).ToList();
            return (hits, top.TotalHits);
        }
        // No text: rank every match by theme probability. Only the ranking fields are read for the matches.
        var all = _searcher.Search(filter, Math.Max(1, _reader.MaxDoc));
        var rankingFields = new HashSet<string>(RankingThemes(query).Select(F.Probability)) { F.StanceConfidence, F.ExtractId };
        var ranked = all.ScoreDocs
            .Select(d => (d.Doc, Fields: _searcher.Doc(d.Doc, rankingFields)))
            .Select(x => (x.Doc, Score: RankingScore(x.Fields, query), Id: x.Fields.Get(F.ExtractId)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, query.Limit))
            .Select((x, i) => ToHit(_searcher.Doc(x.Doc), i + 1, query, null))
            .ToList();
        return (ranked, all.TotalHits);
    }

    private static Query ParseText(string text)
    {
        using var analyzer = ExtractSearchIndex.CreateAnalyzer();
        var parser = new QueryParser(ExtractSearchIndex.Version, F.Text, analyzer) { DefaultOperator = Operator.AND };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw new ArgumentException($"the text query \"{text}\" cannot be read: {e.Message.Split('\n')[0]}", nameof(text), e);
        }
    }

    private static Query FilterOf(ExtractQuery query)
    {
        var filter = new BooleanQuery();
        AddAnyOf(filter, F.Theme, query.Themes.Select(t => Checked(t, Themes.IsTheme, "theme", Themes.All)));
        AddAnyOf(filter, F.Stance, query.Stances.Select(s => Checked(s, Themes.IsStance, "stance", Themes.Stances)));
        var gradeField = query.GradeScope switch
        {
            GradeScope.Overall => F.OverallGrade,
            GradeScope.Leadership => F.LeadershipGrade,
            GradeScope.LastInspection => F.LastInspectionGrade,
            _ => F.SectionGrade,
        };
        AddAnyOf(filter, gradeField, query.Grades.Select(NormalisedGrade));
        AddAnyOf(filter, F.Framework, query.Frameworks.Select(f => f.Trim().ToLowerInvariant()));
        AddAnyOf(filter, F.InspectionType, query.InspectionTypes.Select(t => Checked(t, InspectionTypeNames.All.Contains, "document type", InspectionTypeNames.All)));
        // A council matches by whole words of its printed name: "Hackney" finds "London Borough of Hackney", "Hull"
        // does not find "Solihull" (the indexed name has a space at each end).
        var councils = new BooleanQuery();
        foreach (var name in query.LocalAuthorities.Select(ExtractIndexFields.NormalisedName).Where(n => n.Length > 0).Distinct())
            councils.Add(new WildcardQuery(new Term(F.LocalAuthority, "* " + name.Replace("*", "").Replace("?", "") + " *")), Occur.SHOULD);
        if (councils.Clauses.Count > 0) filter.Add(councils, Occur.MUST);
        AddAnyOf(filter, F.Region, query.Regions.Select(r => r.Trim().ToLowerInvariant()));
        if (query.From is not null || query.To is not null)
            filter.Add(NumericRangeQuery.NewInt32Range(F.ReportDate,
                query.From is { } from ? ExtractSearchIndex.DateNumber(from) : 1, query.To is { } to ? ExtractSearchIndex.DateNumber(to) : int.MaxValue,
                true, true), Occur.MUST);
        if (query.LeadershipOnly) filter.Add(new TermQuery(new Term(F.Leadership, "true")), Occur.MUST);
        if (filter.Clauses.Count == 0) return new MatchAllDocsQuery();
        return filter;
    }

    private static void AddAnyOf(BooleanQuery filter, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct()) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        if (any.Clauses.Count > 0) filter.Add(any, Occur.MUST);
    }

    private static string Checked(string value, Func<string, bool> isKnown, string what, IEnumerable<string> known)
    {
        var normalised = value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return isKnown(normalised) ? normalised : throw new ArgumentException($"unknown {what} '{value}' (one of: {string.Join(", ", known)})");
    }

    /// <summary>"good", "Requires improvement", "requires-improvement" and "RI" are all accepted.</summary>
    private static string NormalisedGrade(string value)
    {
        var normalised = value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        if (normalised is "ri" or "requires_improvement_to_be_good") normalised = "requires_improvement";
        return GradeNames.ParseCanonical(normalised) is not null
            ? normalised
            : throw new ArgumentException($"unknown grade '{value}' (one of: outstanding, good, requires_improvement, adequate, inadequate)");
    }

    private static IEnumerable<string> RankingThemes(ExtractQuery query) =>
        query.Themes.Count > 0 ? query.Themes.Select(t => t.Trim().ToLowerInvariant()) : Themes.All;

    /// <summary>
    /// How clear an example the extract is: the probability of the requested theme, times the probability of its
    /// stance when a stance is asked for (so the clearest strengths come first when looking for good practice).
    /// </summary>
    private static float RankingScore(Document document, ExtractQuery query) =>
        ThemeProbability(document, query) * (query.Stances.Count > 0 ? document.GetField(F.StanceConfidence)?.GetSingleValue() ?? 0f : 1f);

    private static float ThemeProbability(Document document, ExtractQuery query) =>
        RankingThemes(query).Select(t => document.GetField(F.Probability(t))?.GetSingleValue() ?? 0f).DefaultIfEmpty(0f).Max();

    private static SearchHit ToHit(Document d, int rank, ExtractQuery query, float? relevance) => new(
        rank,
        d.Get(F.ExtractId),
        d.Get(F.ReportId),
        d.Get(F.Text),
        d.Get(F.LocalAuthorityDisplay),
        d.Get(F.RegionDisplay),
        ExtractSearchIndex.DateFromNumber(d.GetField(F.ReportDate)?.GetInt32Value() ?? 0),
        d.Get(F.Framework),
        d.Get(F.InspectionType) ?? "inspection",
        d.Get(F.Section),
        d.Get(F.SectionHeading),
        d.Get(F.SectionGrade),
        d.Get(F.OverallGrade),
        d.Get(F.LeadershipGrade),
        d.GetField(F.Page)?.GetInt32Value() ?? 0,
        d.GetField(F.Paragraph)?.GetInt32Value(),
        d.GetValues(F.Theme),
        d.Get(F.Stance),
        d.GetField(F.StanceConfidence)?.GetSingleValue(),
        ThemeProbability(d, query),
        relevance);

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
