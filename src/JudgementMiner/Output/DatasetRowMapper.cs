using JudgementMiner.Grading;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Models;
using JudgementMiner.Nlp;

namespace JudgementMiner.Output;

/// <summary>One file's rows: its report row and one extract row per sentence (none when it was not read).</summary>
public sealed record ReportRows(ReportRow Report, IReadOnlyList<ExtractRow> Extracts);

/// <summary>What the stages made of one file, typed: the ingestion result, the NLP document, the tags and the prediction.</summary>
/// <param name="Document">Null when the file was not read, or the NLP stage failed (then <paramref name="NlpFailure"/> says why).</param>
/// <param name="Tags">One per sentence of the document, or null when the run does not tag.</param>
public sealed record ProcessedReport(
    IngestedReport Ingested,
    Document? Document,
    FailureReason? NlpFailure,
    IReadOnlyList<SentenceTags>? Tags,
    string? TaggerVersion,
    ReportPrediction? Prediction);

/// <summary>
/// Makes the dataset's rows, the only place that does: from a <see cref="ProcessedReport"/> (a file read in this
/// run), or from carried rows and new tags (a re-tag, where no document exists). The authority is matched to the
/// lookup here.
/// </summary>
public sealed class DatasetRowMapper(LocalAuthorityLookup lookup)
{
    public ReportRows Map(ProcessedReport processed)
    {
        var ingested = processed.Ingested;
        var facts = ingested.Facts;
        var failure = processed.NlpFailure ?? ingested.Failure;
        var status = processed.NlpFailure is null ? ingested.Status : ReportStatus.Failed;
        var document = processed.NlpFailure is null ? processed.Document : null;
        var authority = lookup.Match(facts?.LocalAuthority);
        var tagged = document is not null && processed.Tags is not null;
        var report = new ReportRow
        {
            ReportId = ingested.ReportId,
            SourcePath = ingested.SourcePath,
            FileSha256 = ingested.Sha256,
            Status = status.Canonical(),
            Error = failure?.ToString(),
            Warnings = ingested.Warnings.Count > 0 ? string.Join(" | ", ingested.Warnings) : null,
            LocalAuthority = facts?.LocalAuthority,
            LaCode = authority?.LaCode,
            Region = authority?.Region,
            Framework = (facts?.Framework ?? Framework.Unknown).Canonical(),
            InspectionType = facts?.InspectionType.Canonical(),
            Provider = facts?.Provider,
            VisitFocus = facts?.VisitFocus,
            // Null, not an empty list, when a letter states no focus: Parquet.Net reads an empty list back as null.
            VisitThemes = facts is { InspectionType: InspectionType.FocusedVisit or InspectionType.Jtai, VisitThemes.Count: > 0 } ? facts.VisitThemes.ToList() : null,
            PriorityActions = facts?.InspectionType.IsLetter() == true ? facts.PriorityActions : null,
            SendOutcome = facts?.SendOutcome?.Canonical(),
            Inspectors = facts is { Inspectors.Count: > 0 } ? facts.Inspectors.ToList() : null,
            InspectionStart = facts?.InspectionStart,
            InspectionEnd = facts?.InspectionEnd,
            // A file that cannot be read still has the publication date its Ofsted file name carries.
            PublicationDate = facts?.PublicationDate ?? ingested.Source.FileNameDate,
            LeadInspector = facts?.LeadInspector,
            GradeOverallEffectiveness = Grade(facts, Judgement.OverallEffectiveness),
            GradeLeadership = Grade(facts, Judgement.Leadership),
            GradeHelpAndProtection = Grade(facts, Judgement.HelpAndProtection),
            GradeChildrenInCare = Grade(facts, Judgement.ChildrenInCare),
            GradeCareLeavers = Grade(facts, Judgement.CareLeavers),
            GradeAdoption = Grade(facts, Judgement.Adoption),
            GradeLscb = Grade(facts, Judgement.Lscb),
            OtherJudgements = facts is { OtherJudgements.Count: > 0 } ? string.Join("; ", facts.OtherJudgements) : null,
            PageCount = ingested.PageCount,
            SentenceCount = document?.Sentences.Count,
            PipelineVersion = DatasetSchema.PipelineVersion,
            ModelVersion = tagged ? processed.TaggerVersion : null,
        };
        report = WithPrediction(report, document is null ? null : processed.Prediction);
        return new ReportRows(report, document is null ? [] : MapSentences(document, report, processed.Tags, processed.TaggerVersion));
    }

    /// <summary>Carried rows tagged again by new models: new rows with the new tags and prediction, every other column as it was.</summary>
    public static ReportRows Retag(ReportRows carried, IReadOnlyList<SentenceTags>? tags, string? taggerVersion, ReportPrediction? prediction)
    {
        if (!carried.Report.IsOk) return carried;
        var extracts = new ExtractRow[carried.Extracts.Count];
        for (var i = 0; i < extracts.Length; i++) extracts[i] = WithTags(carried.Extracts[i], tags?[i], taggerVersion);
        var report = WithPrediction(carried.Report with { ModelVersion = tags is null ? null : taggerVersion }, prediction);
        return new ReportRows(report, extracts);
    }

    private static IReadOnlyList<ExtractRow> MapSentences(Document document, ReportRow report, IReadOnlyList<SentenceTags>? tags, string? taggerVersion)
    {
        var rows = new List<ExtractRow>(document.Sentences.Count);
        var positionInParagraph = 0;
        var lastParagraph = -1;
        foreach (var sentence in document.Sentences)
        {
            positionInParagraph = sentence.ParagraphIndex == lastParagraph ? positionInParagraph + 1 : 1;
            lastParagraph = sentence.ParagraphIndex;
            var paragraph = document.Paragraphs[sentence.ParagraphIndex];
            var section = document.SectionOf(sentence);
            var row = new ExtractRow
            {
                ReportId = report.ReportId,
                ExtractId = $"{report.ReportId}-{sentence.Index:D5}",
                LocalAuthority = report.LocalAuthority,
                PublicationDate = report.PublicationDate,
                Framework = report.Framework,
                InspectionType = report.InspectionType ?? "",
                Section = section.Section.Canonical(),
                SectionHeading = section.Heading,
                SectionGrade = (section.Grade ?? GradeOfSection(document.Facts, section.Section))?.Canonical(),
                Page = sentence.Page,
                Paragraph = int.TryParse(paragraph.Source.Number, out var number) ? number : null,
                ParagraphIndex = paragraph.Index,
                Sentence = positionInParagraph,
                Text = document.TextOf(sentence),
                IsLeadershipExtract = sentence.IsLeadershipExtract,
                GradeLeadership = report.GradeLeadership,
                GradeOverallEffectiveness = report.GradeOverallEffectiveness,
            };
            rows.Add(tags is null ? row : WithTags(row, tags[rows.Count], taggerVersion));
        }
        return rows;
    }

    private static ExtractRow WithTags(ExtractRow row, SentenceTags? tags, string? taggerVersion) => tags is null
        ? row with
        {
            Themes = null, PLeadership = null, PScrutiny = null, PCorporateParenting = null, PPartnerships = null, PPerformanceManagement = null,
            PWorkforce = null, PVoiceOfChild = null, PSufficiency = null, Stance = null, StanceConfidence = null, ModelVersion = null,
        }
        : row with
        {
            Themes = tags.Themes.ToList(),
            PLeadership = tags.Probabilities["leadership"],
            PScrutiny = tags.Probabilities["scrutiny"],
            PCorporateParenting = tags.Probabilities["corporate_parenting"],
            PPartnerships = tags.Probabilities["partnerships"],
            PPerformanceManagement = tags.Probabilities["performance_management"],
            PWorkforce = tags.Probabilities["workforce"],
            PVoiceOfChild = tags.Probabilities["voice_of_child"],
            PSufficiency = tags.Probabilities["sufficiency"],
            Stance = tags.Stance,
            StanceConfidence = tags.StanceConfidence,
            ModelVersion = taggerVersion,
        };

    private static ReportRow WithPrediction(ReportRow report, ReportPrediction? prediction) => report with
    {
        PredictedGradeLeadership = prediction?.Grade,
        PGradeOutstanding = prediction?.Probabilities[0],
        PGradeGood = prediction?.Probabilities[1],
        PGradeRequiresImprovement = prediction?.Probabilities[2],
        PGradeInadequate = prediction?.Probabilities[3],
        PredictedGradeHeldOut = prediction?.HeldOut,
    };

    private static string? Grade(ReportFacts? facts, Judgement judgement) => facts?.GradeOf(judgement)?.Canonical();

    /// <summary>The report's grade for the judgement a section is about, when the heading does not print it.</summary>
    private static Grade? GradeOfSection(ReportFacts facts, Section section) => section switch
    {
        Section.Summary => facts.GradeOf(Judgement.OverallEffectiveness),
        Section.Leadership => facts.GradeOf(Judgement.Leadership),
        Section.HelpAndProtection => facts.GradeOf(Judgement.HelpAndProtection),
        Section.ChildrenInCare => facts.GradeOf(Judgement.ChildrenInCare),
        Section.CareLeavers => facts.GradeOf(Judgement.CareLeavers),
        Section.Adoption => facts.GradeOf(Judgement.Adoption),
        Section.Lscb => facts.GradeOf(Judgement.Lscb),
        _ => null,
    };
}
