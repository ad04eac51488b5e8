using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads a report's facts from its text: framework, local authority, dates, lead inspector and every judgement grade.
/// Grades come from the judgement table (or the front page's judgement sentences in SIF reports); section headings
/// that repeat a grade are the cross-check, and a disagreement keeps the table's grade with a warning.
/// </summary>
public sealed class ReportFactsExtractor : IFactsExtractor
{
    public ReportFacts Extract(ReportText text, SourceFile source)
    {
        var front = new FrontPage(text);
        var warnings = new List<string>();

        var dates = InspectionDatesReader.Instance.Read(front);
        var table = JudgementTableReader.Instance.Read(front);
        var grades = new Dictionary<Judgement, Grade>();
        foreach (var row in table)
        {
            if (grades.TryGetValue(row.Judgement, out var earlier) && earlier != row.Grade)
                warnings.Add($"the judgement table grades {row.Judgement.Canonical()} twice ({earlier.Canonical()}, {row.Grade.Canonical()}); kept the first");
            grades.TryAdd(row.Judgement, row.Grade);
        }
        foreach (var (judgement, grade) in ProseGradeReader.Instance.Read(front, text))
            grades.TryAdd(judgement, grade);

        var framework = FrameworkClassifier.Instance.Classify(front, grades.Keys, dates?.Start);
        var headings = SectionHeadingGradeReader.Instance.Read(text);
        var other = new List<string>();
        if (framework == Framework.Pre2013)
            ApplyPre2013Record(text, headings, grades, other, warnings);
        else
            CrossCheck(headings, grades, warnings);

        var localAuthority = LocalAuthorityNameReader.Instance.Read(front);
        return new ReportFacts(
            framework,
            localAuthority,
            dates?.Start,
            dates?.End,
            PublicationDateReader.Instance.Read(front, source.FileNameDate),
            LeadInspectorReader.Instance.Read(text),
            grades,
            other,
            warnings);
    }

    /// <summary>
    /// Reports before 2013 grade "overall effectiveness" plus judgements with no SIF or ILACS counterpart ("capacity to
    /// improve", "outcomes for looked after children"). Their table is the "Record of main findings": the overall
    /// grade fills its column and every row is kept, named as printed, in <see cref="ReportFacts.OtherJudgements"/>,
    /// never forced into a column of another meaning. The "Grade N (Word)" lines under the body headings are the
    /// cross-check.
    /// </summary>
    private static void ApplyPre2013Record(ReportText text, IReadOnlyList<HeadingGrade> headings, Dictionary<Judgement, Grade> grades,
        List<string> other, List<string> warnings)
    {
        grades.Clear();
        var record = MainFindingsRecordReader.Instance.Read(text);
        foreach (var row in record)
        {
            if (row.Name == "overall_effectiveness") grades[Judgement.OverallEffectiveness] = row.Grade;
            other.Add($"{row.Name}={row.Grade.Canonical()}");
        }
        foreach (var heading in headings)
        {
            var name = MainFindingsRecordReader.SnakeCase(heading.Heading);
            var match = record.Where(r => name.StartsWith(r.Name, StringComparison.Ordinal)).MaxBy(r => r.Name.Length);
            if (match is null)
            {
                if (heading.Judgement == Judgement.OverallEffectiveness) grades.TryAdd(Judgement.OverallEffectiveness, heading.Grade);
            }
            else if (match.Grade != heading.Grade)
            {
                warnings.Add($"{match.Name}: the record of main findings says {match.Grade.Canonical()} but the section heading says {heading.Grade.Canonical()}; kept the record's grade");
            }
        }
    }

    private static void CrossCheck(IReadOnlyList<HeadingGrade> headings, Dictionary<Judgement, Grade> grades, List<string> warnings)
    {
        foreach (var heading in headings)
        {
            if (heading.Judgement is not { } judgement) continue;
            if (!grades.TryGetValue(judgement, out var tableGrade))
            {
                grades[judgement] = heading.Grade;
                warnings.Add($"{judgement.Canonical()} is graded only in a section heading ('{heading.Heading}')");
            }
            else if (tableGrade != heading.Grade)
            {
                warnings.Add($"{judgement.Canonical()}: the judgement table says {tableGrade.Canonical()} but the section heading says {heading.Grade.Canonical()}; kept the table's grade");
            }
        }
    }
}
