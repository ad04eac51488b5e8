using JudgementMiner.Grading;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Models;
using JudgementMiner.Nlp;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>
/// The whole pipeline for one file, immutable, made by <see cref="PipelineBuilder"/> (the only way to get one). The
/// stage order is written here, once:
/// <code>
/// 1 text extraction   ITextExtractor        PDF bytes ─▶ ReportText (positioned lines, paragraphs)
/// 2 facts             IFactsExtractor       ReportText ─▶ ReportFacts (framework, council, dates, grades)
/// 3 NLP               NlpPipeline/IProcess  ReportText + facts ─▶ Document (sections, sentences, leadership extracts)
/// 4 tagging           ISentenceTagger       Document's sentences ─▶ SentenceTags (themes, stance)
/// 5 report prediction IReportPredictor      leadership section + stances ─▶ ReportPrediction (text-implied grade)
/// 6 rows              DatasetRowMapper      all of the above ─▶ ReportRows (made once; nothing changes them after)
/// </code>
/// Stages 1-2 are the <see cref="ReportIngestor"/>; 4 and 5 are optional (a run without models, or <c>--no-tagging</c>).
/// </summary>
public sealed class Pipeline : IFileReader
{
    internal Pipeline(ReportIngestor ingestor, NlpPipeline nlp, ISentenceTagger? tagger, IReportPredictor? predictor, LocalAuthorityLookup lookup,
        BatchOptions batch, DatasetWriterOptions writer)
    {
        Ingestor = ingestor;
        Nlp = nlp;
        Tagger = tagger;
        Predictor = predictor;
        Lookup = lookup;
        Mapper = new DatasetRowMapper(lookup);
        Batch = batch;
        Writer = writer;
    }

    public ReportIngestor Ingestor { get; }

    public NlpPipeline Nlp { get; }

    public ISentenceTagger? Tagger { get; }

    /// <summary>Runs only when there is a <see cref="Tagger"/>: it reads the stances.</summary>
    public IReportPredictor? Predictor { get; }

    public LocalAuthorityLookup Lookup { get; }

    public DatasetRowMapper Mapper { get; }

    public BatchOptions Batch { get; }

    public DatasetWriterOptions Writer { get; }

    /// <summary>
    /// What a dataset records to know whether its rows are up to date with the models: the tagger's version, and the
    /// predictor's after a '+' (null without a tagger).
    /// </summary>
    public string? ModelVersion => Tagger is null ? null : ActivePredictor is null ? Tagger.Version : $"{Tagger.Version}+{ActivePredictor.Version}";

    private IReportPredictor? ActivePredictor => Tagger is null ? null : Predictor;

    /// <summary>Loads the tagger's weights now (they load on first use otherwise); a run calls it while the first files are read.</summary>
    public void LoadModels()
    {
        if (Tagger is LazySentenceTagger lazy) lazy.Load();
    }

    /// <summary>One file through every stage; a failure at any stage is a row with its reason, never an exception (but cancellation).</summary>
    public ReportRows Read(string path, FileBudget budget, CancellationToken cancellationToken) =>
        Mapper.Map(Process(Ingestor.Ingest(path, budget, cancellationToken), cancellationToken));

    public ReportRows Failed(string path, IngestionFailure failure, string reason) =>
        Mapper.Map(new ProcessedReport(ReportIngestor.Failed(path, failure, reason), null, null, null, null, null));

    /// <summary>Stages 3-5 for an ingested file: the typed results the mapper makes rows of.</summary>
    public ProcessedReport Process(IngestedReport ingested, CancellationToken cancellationToken)
    {
        if (ingested.Status != ReportStatus.Ok || ingested.Text is null || ingested.Facts is null)
            return new ProcessedReport(ingested, null, null, null, null, null);
        Document document;
        try
        {
            document = Nlp.Run(ingested.Text, ingested.Facts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ProcessedReport(ingested, null, new FailureReason(IngestionFailure.ExtractionError,
                $"the NLP stage failed ({e.GetType().Name}: {e.Message.Split('\n')[0]}); please report this file"), null, null, null);
        }
        if (Tagger is null) return new ProcessedReport(ingested, document, null, null, null, null);
        cancellationToken.ThrowIfCancellationRequested();
        var tags = Tagger.Tag(StageInputs.Sentences(document));
        var prediction = ActivePredictor?.Predict(Identity(ingested), StageInputs.LeadershipSection(document, tags));
        return new ProcessedReport(ingested, document, null, tags, Tagger.Version, prediction);
    }

    /// <summary>Carried rows through stages 4-5 again, for new models (no PDF is read): new rows, or the same rows untagged without a tagger.</summary>
    public ReportRows Retag(ReportRows carried)
    {
        if (!carried.Report.IsOk) return carried;
        var tags = Tagger?.Tag(StageInputs.Sentences(carried.Extracts));
        var prediction = tags is null ? null : ActivePredictor?.Predict(StageInputs.Identity(carried.Report), StageInputs.LeadershipSection(carried.Extracts, tags));
        return DatasetRowMapper.Retag(carried, tags, Tagger?.Version, prediction);
    }

    private ReportIdentity Identity(IngestedReport ingested) =>
        new(ingested.ReportId, ingested.Sha256, ingested.Facts?.LocalAuthority, Lookup.Match(ingested.Facts?.LocalAuthority)?.LaCode,
            ingested.Facts?.GradeOf(Judgement.Leadership)?.Canonical());
}
