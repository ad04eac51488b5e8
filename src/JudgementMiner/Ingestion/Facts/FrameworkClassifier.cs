using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Tells the inspection framework from the front page's title (see docs: the report formats), and ILACS reports from
/// April 2026 on by their judgement table having no overall effectiveness row.
/// </summary>
public sealed partial class FrameworkClassifier
{
    public static FrameworkClassifier Instance { get; } = new();

    /// <summary>The first inspection month of the framework without an overall effectiveness judgement.</summary>
    public static readonly DateOnly Ilacs2026Start = new(2026, 4, 1);

    public Framework Classify(FrontPage front, IReadOnlyCollection<Judgement> tableJudgements, DateOnly? inspectionStart)
    {
        var title = JudgementLabels.Normalise(front.TitleText);
        if (title.Contains("children in need of help and protection") || title.Contains("review of the effectiveness of the local safeguarding children board"))
            return Framework.Sif;
        if (title.Contains("safeguarding and looked after children") || title.Contains("looked after children services")
            || title.Contains("arrangements for the protection of children"))
            return Framework.Pre2013;
        if (title.Contains("children's social care services") || IlacsTitle().IsMatch(title))
        {
            var noOverall = !tableJudgements.Contains(Judgement.OverallEffectiveness) && tableJudgements.Contains(Judgement.Leadership);
            var newEnough = inspectionStart is null || inspectionStart >= Ilacs2026Start;
            return noOverall && newEnough ? Framework.Ilacs2026 : Framework.Ilacs;
        }
        return Framework.Unknown;
    }

    /// <summary>"Inspection of Dorset local authority children's services", "Inspection of Barking and Dagenham children's services".</summary>
    [GeneratedRegex(@"\binspection of [a-z ,&'.-]{0,80}children's services\b")]
    private static partial Regex IlacsTitle();
}
