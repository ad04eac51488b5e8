using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;

namespace JudgementMiner.Output;

/// <summary>Turns an ingestion result into its <see cref="ReportRow"/>, matching the authority to the lookup.</summary>
public sealed class ReportRowMapper(LocalAuthorityLookup lookup)
{
    public ReportRow Map(IngestedReport report)
    {
        var facts = report.Facts;
        var authority = lookup.Match(facts?.LocalAuthority);
        return new ReportRow
        {
            ReportId = report.ReportId,
            SourcePath = report.SourcePath,
            FileSha256 = report.Sha256,
            Status = report.Status.Canonical(),
            Error = report.Error,
            Warnings = report.Warnings.Count > 0 ? string.Join(" | ", report.Warnings) : null,
            LocalAuthority = facts?.LocalAuthority,
            LaCode = authority?.LaCode,
            Region = authority?.Region,
            Framework = (facts?.Framework ?? Framework.Unknown).Canonical(),
            InspectionStart = facts?.InspectionStart,
            InspectionEnd = facts?.InspectionEnd,
            // A file that cannot be read still has the publication date its Ofsted file name carries.
            PublicationDate = facts?.PublicationDate ?? DateText.ParseSingle(Path.GetFileNameWithoutExtension(report.SourcePath)),
            LeadInspector = facts?.LeadInspector,
            GradeOverallEffectiveness = Grade(facts, Judgement.OverallEffectiveness),
            GradeLeadership = Grade(facts, Judgement.Leadership),
            GradeHelpAndProtection = Grade(facts, Judgement.HelpAndProtection),
            GradeChildrenInCare = Grade(facts, Judgement.ChildrenInCare),
            GradeCareLeavers = Grade(facts, Judgement.CareLeavers),
            GradeAdoption = Grade(facts, Judgement.Adoption),
            GradeLscb = Grade(facts, Judgement.Lscb),
            OtherJudgements = facts is { OtherJudgements.Count: > 0 } ? string.Join("; ", facts.OtherJudgements) : null,
            PageCount = report.PageCount,
            PipelineVersion = DatasetSchema.PipelineVersion,
        };
    }

    private static string? Grade(ReportFacts? facts, Judgement judgement) => facts?.GradeOf(judgement)?.Canonical();
}
