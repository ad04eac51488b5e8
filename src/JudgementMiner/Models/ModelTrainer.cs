using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace JudgementMiner.Models;

/// <summary>
/// Trains the theme and stance models from labelled sentences: a shared featurizer, one L-BFGS logistic regression per
/// theme (calibrated probabilities), each theme's decision threshold chosen by grouped cross-validation on the
/// training data (the F1-best threshold of out-of-fold probabilities), and an L-BFGS maximum-entropy stance model.
/// Fixed seed: the same labels give the same models.
/// </summary>
public sealed class ModelTrainer
{
    public const int Seed = 20261123;

    /// <summary>L2 regularisation of the theme models (0.03 and 0.3 scored no better in grouped cross-validation).</summary>
    public const float ThemeL2 = 0.1f;

    /// <summary>L2 regularisation of the stance model (0.003 to 0.1 scored within 0.01 macro F1 of each other).</summary>
    public const float StanceL2 = 0.01f;

    /// <summary>Folds used to choose the thresholds inside the training data.</summary>
    public const int ThresholdFolds = 3;

    public ThemeModel Train(IReadOnlyList<LabelledSentence> data, string version, bool tuneThresholds = true)
    {
        var ml = new MLContext(Seed);
        var inputs = data.Select(d => SentenceInput.From(d.Text, d.Section)).ToList();
        var featurizer = Featurizer.Build(ml).Fit(ml.Data.LoadFromEnumerable(inputs));

        var themes = new Dictionary<string, ITransformer>();
        foreach (var theme in Themes.All) themes[theme] = FitTheme(ml, featurizer, data, inputs, theme);
        var stance = FitStance(ml, featurizer, data, inputs);

        var thresholds = tuneThresholds ? ChooseThresholds(data) : Themes.All.ToDictionary(t => t, _ => 0.5f);
        return new ThemeModel(ml, featurizer, themes, stance, thresholds, version);
    }

    /// <summary>Each theme's threshold: the one that maximises F1 over out-of-fold probabilities of a grouped split of the training data.</summary>
    public IReadOnlyDictionary<string, float> ChooseThresholds(IReadOnlyList<LabelledSentence> data)
    {
        var outOfFold = Themes.All.ToDictionary(t => t, _ => new float[data.Count]);
        var folds = GroupedFolds.Assign(data.Select(d => d.LocalAuthority).ToList(), ThresholdFolds);
        for (var fold = 0; fold < ThresholdFolds; fold++)
        {
            var train = data.Where((_, i) => folds[i] != fold).ToList();
            var testIndexes = Enumerable.Range(0, data.Count).Where(i => folds[i] == fold).ToList();
            var model = Train(train, "threshold-fold", tuneThresholds: false);
            var tags = model.Tag(testIndexes.Select(i => SentenceInput.From(data[i].Text, data[i].Section)).ToList());
            for (var k = 0; k < testIndexes.Count; k++)
                foreach (var theme in Themes.All) outOfFold[theme][testIndexes[k]] = tags[k].Probabilities[theme];
        }
        return Themes.All.ToDictionary(t => t, t => BestThreshold(outOfFold[t], data.Select(d => d.Has(t)).ToArray()));
    }

    public static float BestThreshold(float[] probabilities, bool[] truth)
    {
        var best = 0.5f;
        var bestF1 = -1.0;
        for (var step = 5; step <= 95; step++)
        {
            var threshold = step / 100f;
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Length; i++)
            {
                var predicted = probabilities[i] >= threshold;
                if (predicted && truth[i]) tp++;
                else if (predicted) fp++;
                else if (truth[i]) fn++;
            }
            var f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1) { bestF1 = f1; best = threshold; }
        }
        return best;
    }

    private static ITransformer FitTheme(MLContext ml, ITransformer featurizer, IReadOnlyList<LabelledSentence> data, List<SentenceInput> inputs, string theme)
    {
        var rows = data.Select((d, i) => new ThemeTrainingRow { Text = inputs[i].Text, Section = inputs[i].Section, LexiconHits = inputs[i].LexiconHits, Label = d.Has(theme) });
        var features = featurizer.Transform(ml.Data.LoadFromEnumerable(rows));
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(ThemeTrainingRow.Label),
            FeatureColumnName = Featurizer.Features,
            L2Regularization = ThemeL2,
            L1Regularization = 0.0f,
            OptimizationTolerance = 1e-6f,
        });
        return trainer.Fit(features);
    }

    private static ITransformer FitStance(MLContext ml, ITransformer featurizer, IReadOnlyList<LabelledSentence> data, List<SentenceInput> inputs)
    {
        var counts = data.GroupBy(d => d.Stance).ToDictionary(g => g.Key, g => g.Count());
        var rows = data.Select((d, i) => new StanceTrainingRow
        {
            Text = inputs[i].Text, Section = inputs[i].Section, LexiconHits = inputs[i].LexiconHits, Label = d.Stance,
            Weight = (float)Math.Sqrt((double)data.Count / (counts.Count * counts[d.Stance])),
        });
        var features = featurizer.Transform(ml.Data.LoadFromEnumerable(rows));
        // The label-to-key mapping is used for training only, so the saved model needs no label column to score.
        var keyed = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(StanceTrainingRow.Label)).Fit(features).Transform(features);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = Featurizer.Features,
            ExampleWeightColumnName = nameof(StanceTrainingRow.Weight),
            L2Regularization = StanceL2,
        }).Fit(keyed);
        var toValue = ml.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(trainer.Transform(keyed));
        return new TransformerChain<ITransformer>(trainer, toValue);
    }
}
