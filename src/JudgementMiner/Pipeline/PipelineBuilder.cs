using JudgementMiner.Grading;
using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Text;
using JudgementMiner.Models;
using JudgementMiner.Nlp;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>
/// The composition root: the one place a <see cref="Pipeline"/> is put together, in Markdig's way. Start from the
/// defaults, swap a stage or set its options, then <see cref="Build"/>:
/// <code>
/// var pipeline = new PipelineBuilder().UseModels(ThemeModelSource.FromDirectory("models")).Build();
/// var baseline = new PipelineBuilder().UseTagger(new KeywordTagger()).Build();
/// </code>
/// The defaults: PdfPig text extraction (<see cref="PdfTextExtractor"/>), <see cref="DocumentFactsExtractor"/> (full inspections and letters, with the builder's lookup), the NLP
/// processes of <see cref="NlpPipeline.Default"/>, no tagger and no predictor (set them with the models), the shipped
/// local authority lookup, one file per core, and the writer's defaults.
/// </summary>
public sealed class PipelineBuilder
{
    private ITextExtractor? textExtractor;
    private IFactsExtractor? factsExtractor;
    private NlpPipeline nlp = NlpPipeline.Default;
    private ISentenceTagger? tagger;
    private IReportPredictor? predictor;

    /// <summary>Options of the default text extractor (ignored when another extractor is used).</summary>
    public TextExtractionOptions TextExtraction { get; set; } = new();

    /// <summary>Which council each report is about: the shipped DfE/ONS lookup by default.</summary>
    public LocalAuthorityLookup Lookup { get; set; } = LocalAuthorityLookup.Shipped;

    /// <summary>Parallelism and per-file limits.</summary>
    public BatchOptions Batch { get; set; } = new();

    /// <summary>Parquet writing.</summary>
    public DatasetWriterOptions Writer { get; set; } = new();

    public PipelineBuilder UseTextExtractor(ITextExtractor extractor)
    {
        textExtractor = extractor;
        return this;
    }

    public PipelineBuilder UseFactsExtractor(IFactsExtractor extractor)
    {
        factsExtractor = extractor;
        return this;
    }

    /// <summary>The NLP processes, run in the order given.</summary>
    public PipelineBuilder UseNlp(params IProcess[] processes)
    {
        nlp = new NlpPipeline(processes);
        return this;
    }

    /// <summary>The sentence tagger (null: no tagging, and so no report prediction).</summary>
    public PipelineBuilder UseTagger(ISentenceTagger? sentenceTagger)
    {
        tagger = sentenceTagger;
        return this;
    }

    /// <summary>The report-level predictor, run after tagging (null: none).</summary>
    public PipelineBuilder UseReportPredictor(IReportPredictor? reportPredictor)
    {
        predictor = reportPredictor;
        return this;
    }

    /// <summary>The shipped models of a folder: the theme and stance tagger, and the text-implied grade when the folder has it.</summary>
    public PipelineBuilder UseModels(ThemeModelSource? models) =>
        UseTagger(models?.Tagger).UseReportPredictor(models?.TextGrade is { } textGrade ? new TextGradePredictor(textGrade) : null);

    public Pipeline Build() =>
        new(new ReportIngestor(textExtractor ?? new PdfTextExtractor(TextExtraction), factsExtractor ?? new DocumentFactsExtractor(Lookup)), nlp, tagger, predictor, Lookup, Batch, Writer);
}
