using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using JudgementMiner.Models;

namespace JudgementMiner.Grading;

/// <summary>
/// The text-implied leadership grade: an ML.NET pipeline that reads a report's leadership section (grade statements
/// removed, see <see cref="GradeStatementFilter"/>) as TF-IDF word 1-2-grams, with the share of its sentences in
/// each stance, and predicts one of the four grades with a maximum-entropy classifier.
/// </summary>
public sealed class GradeTextModel
{
    /// <summary>The grades predicted, best first; the probability columns follow this order.</summary>
    public static readonly string[] Grades = ["outstanding", "good", "requires_improvement", "inadequate"];

    public const int Seed = 20261201;

    /// <summary>L2 regularisation of the classifier.</summary>
    public const float L2 = 0.03f;

    /// <summary>Vocabulary: the most frequent single words and word pairs of the training reports.</summary>
    public const int MaximumWords = 10_000;

    public const int MaximumWordPairs = 10_000;

    /// <summary>Weight of the stance shares beside the L2-normalised text vector.</summary>
    public const float StanceWeight = 1f;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly object _engineLock = new();
    private PredictionEngine<ReportInput, GradeOutput>? _engine;

    private GradeTextModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    public static bool IsGrade(string? grade) => grade is not null && Array.IndexOf(Grades, grade) >= 0;

    /// <summary>Trains on the reports with one of the four grades (others are ignored).</summary>
    public static GradeTextModel Train(IReadOnlyList<LeadershipText> reports)
    {
        var ml = new MLContext(Seed);
        var rows = reports.Where(r => IsGrade(r.Grade)).Select(ReportInput.From).ToList();
        if (rows.Select(r => r.Grade).Distinct().Count() < 2) throw new InvalidOperationException("the text-implied grade needs reports of at least two grades to train");
        var keys = ml.Data.LoadFromEnumerable(Grades.Select(g => new GradeKey { Grade = g }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(ReportInput.Grade), keyData: keys)
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepNumbers = false,
                KeepPunctuations = false,
                StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
                WordFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                    // The most frequent words and pairs only: keeps each model file near a megabyte.
                    MaximumNgramsCount = [MaximumWords, MaximumWordPairs],
                },
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ReportInput.Text)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(ReportInput.Stance)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = L2,
                L1Regularization = 0,
                NumberOfThreads = 1, // one thread: the same data always gives the same model
            }));
        return new GradeTextModel(ml, pipeline.Fit(ml.Data.LoadFromEnumerable(rows)));
    }

    /// <summary>The probability of each of <see cref="Grades"/>, in that order.</summary>
    public float[] Probabilities(LeadershipText report)
    {
        lock (_engineLock)
        {
            _engine ??= _ml.Model.CreatePredictionEngine<ReportInput, GradeOutput>(_model);
            var scores = _engine.Predict(ReportInput.From(report)).Score;
            return scores.ToArray();
        }
    }

    public static string MostLikely(float[] probabilities) => Grades[Array.IndexOf(probabilities, probabilities.Max())];

    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_model, null, stream);
    }

    public static GradeTextModel Load(string path)
    {
        var ml = new MLContext(Seed);
        using var stream = File.OpenRead(path);
        return new GradeTextModel(ml, ml.Model.Load(stream, out _));
    }

    private sealed class GradeKey
    {
        public string Grade { get; set; } = "";
    }

    internal sealed class ReportInput
    {
        public string Text { get; set; } = "";

        [VectorType(4)]
        public float[] Stance { get; set; } = new float[4];

        public string Grade { get; set; } = "";

        public static ReportInput From(LeadershipText report) => new()
        {
            Text = report.Text,
            Stance = report.StanceShares.Select(s => s * StanceWeight).ToArray(),
            Grade = report.Grade ?? Grades[0],
        };
    }

    internal sealed class GradeOutput
    {
        public float[] Score { get; set; } = [];
    }
}
