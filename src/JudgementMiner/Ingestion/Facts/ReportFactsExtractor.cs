using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads a report's facts from its text: framework, local authority, dates, lead inspector and every judgement grade.
/// Grades come from the judgement table (or the front page's judgement sentences in SIF reports); section headings
/// that repeat a grade are the cross-check, and a disagreement keeps the table's grade with a warning.
/// </summary>
public sealed class ReportFactsExtractor
{
    public static ReportFactsExtractor Instance { get; } = new();

    public ReportFacts Extract(ReportText text, string sourcePath)
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
            ApplyPre2013Headings(headings, grades, other);
        else
            CrossCheck(headings, grades, warnings);

        var localAuthority = LocalAuthorityNameReader.Instance.Read(front);
        return new ReportFacts(
            framework,
            localAuthority,
            dates?.Start,
            dates?.End,
            PublicationDateReader.Instance.Read(front, sourcePath),
            LeadInspectorReader.Instance.Read(text),
            grades,
            other,
            warnings);
    }

    /// <summary>
    /// Reports before 2013 grade "overall effectiveness" plus judgements with no SIF or ILACS counterpart ("capacity to
    /// improve", "outcomes for looked after children"): the overall grade fills its column and the rest are kept, as
    /// printed, in <see cref="ReportFacts.OtherJudgements"/>, never forced into a column of another meaning.
    /// </summary>
    private static void ApplyPre2013Headings(IReadOnlyList<HeadingGrade> headings, Dictionary<Judgement, Grade> grades, List<string> other)
    {
        foreach (var heading in headings)
        {
            if (heading.Judgement == Judgement.OverallEffectiveness)
                grades.TryAdd(Judgement.OverallEffectiveness, heading.Grade);
            var name = string.Join('_', JudgementLabels.Normalise(heading.Heading).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0));
            var entry = $"{name}={heading.Grade.Canonical()}";
            if (!other.Contains(entry)) other.Add(entry);
        }
        // Only the overall judgement has a column; the others keep their own names.
        foreach (var judgement in grades.Keys.Where(j => j != Judgement.OverallEffectiveness).ToList())
            grades.Remove(judgement);
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
