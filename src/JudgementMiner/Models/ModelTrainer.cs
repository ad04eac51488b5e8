using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace JudgementMiner.Models;

/// <summary>
/// Trains the theme and stance models from labelled sentences with ML.NET: one L-BFGS logistic regression per theme
/// (calibrated probabilities) over <see cref="HashedFeaturizer"/> features, each theme's decision threshold chosen by
/// grouped cross-validation on the training data (the F1-best threshold of out-of-fold probabilities), and an L-BFGS
/// maximum-entropy stance model. The trained weights are taken out of ML.NET's model parameters for scoring.
/// Fixed seed: the same labels give the same models.
/// </summary>
public sealed class ModelTrainer
{
    public const int Seed = 20261123;

    /// <summary>L2 regularisation of the theme models (0.03 and 0.3 scored no better in grouped cross-validation; 0.03 again no better once the word and context blocks came in).</summary>
    public const float ThemeL2 = 0.1f;

    /// <summary>L2 regularisation of the stance model (0.003 to 0.1 scored within 0.01 macro F1 of each other).</summary>
    public const float StanceL2 = 0.01f;

    /// <summary>
    /// Convergence tolerance of the stance model: with a million weights (four classes over the hashed features), the
    /// default (1e-7) took 28 s to train and kept the whole run over the 2-minute budget; 1e-4 takes 4 s (its
    /// cross-validated figures are in the model card).
    /// </summary>
    public const float StanceTolerance = 1e-4f;

    /// <summary>Folds used to choose the thresholds inside the training data.</summary>
    public const int ThresholdFolds = 3;

    public ThemeModel Train(IReadOnlyList<LabelledSentence> data, string version, bool tuneThresholds = true)
    {
        var ml = new MLContext(Seed);
        var features = data.AsParallel().AsOrdered().Select(d => HashedFeaturizer.Featurize(d.Input())).ToList();
        var themes = Themes.All.ToDictionary(t => t, t => FitTheme(ml, data, features, t));
        var stance = FitStance(ml, data, features);
        if (!tuneThresholds) return new ThemeModel(themes, stance, Themes.All.ToDictionary(t => t, _ => 0.5f), version);
        var (thresholds, stanceOffsets) = ChooseDecisionRules(data);
        return new ThemeModel(themes, stance.WithBiasOffsets(stanceOffsets), thresholds, version,
            stance.Labels.Select((label, k) => (label, k)).ToDictionary(x => x.label, x => stanceOffsets[x.k]));
    }

    /// <summary>
    /// The decision rules, chosen from out-of-fold predictions of a grouped split of the training data: each theme's
    /// threshold (the one that maximises its F1) and an offset per stance added to the stance model's biases (the ones
    /// that maximise stance macro F1, so the rarer neutral and mixed stances are not drowned by the common positive).
    /// </summary>
    public (IReadOnlyDictionary<string, float> Thresholds, float[] StanceOffsets) ChooseDecisionRules(IReadOnlyList<LabelledSentence> data)
    {
        var outOfFold = Themes.All.ToDictionary(t => t, _ => new float[data.Count]);
        var stanceOutOfFold = new float[data.Count][];
        List<string>? stanceLabels = null;
        var folds = GroupedFolds.Assign(data.Select(d => d.LocalAuthority).ToList(), ThresholdFolds);
        for (var fold = 0; fold < ThresholdFolds; fold++)
        {
            var train = data.Where((_, i) => folds[i] != fold).ToList();
            var testIndexes = Enumerable.Range(0, data.Count).Where(i => folds[i] == fold).ToList();
            var model = Train(train, "threshold-fold", tuneThresholds: false);
            var tags = model.Tag(testIndexes.Select(i => data[i].Input()).ToList());
            for (var k = 0; k < testIndexes.Count; k++)
            {
                foreach (var theme in Themes.All) outOfFold[theme][testIndexes[k]] = tags[k].Probabilities[theme];
                stanceOutOfFold[testIndexes[k]] = tags[k].StanceProbabilities;
            }
            // The out-of-fold probability vectors are only comparable if every fold's model has the same classes in the same order.
            stanceLabels ??= [.. model.StanceLabels];
            if (!stanceLabels.SequenceEqual(model.StanceLabels))
                throw new InvalidOperationException($"threshold fold {fold + 1} lacks a stance: every stance needs examples from several councils");
        }
        var thresholds = Themes.All.ToDictionary(t => t, t => BestThreshold(outOfFold[t], data.Select(d => d.Has(t)).ToArray()));
        var truth = data.Select(d => stanceLabels!.IndexOf(d.Stance)).ToArray();
        return (thresholds, BestStanceOffsets(stanceOutOfFold, truth, stanceLabels!.Count));
    }

    /// <summary>
    /// Offsets to the stance log-probabilities that maximise macro F1 of the arg-max: coordinate ascent over a grid
    /// (-2 to 2 in steps of 0.1), the first class fixed at 0, three passes, ties kept at the smaller change.
    /// </summary>
    public static float[] BestStanceOffsets(float[][] probabilities, int[] truth, int classes)
    {
        var logs = probabilities.Select(p => p.Select(v => Math.Log(Math.Max(v, 1e-9))).ToArray()).ToArray();
        var offsets = new double[classes];
        var best = MacroF1(logs, truth, offsets);
        for (var pass = 0; pass < 3; pass++)
            for (var k = 1; k < classes; k++)
            {
                var kept = offsets[k];
                foreach (var candidate in Enumerable.Range(-20, 41).Select(s => s / 10.0).OrderBy(c => Math.Abs(c - kept)))
                {
                    offsets[k] = candidate;
                    var f1 = MacroF1(logs, truth, offsets);
                    if (f1 > best + 1e-9) { best = f1; kept = candidate; }
                }
                offsets[k] = kept;
            }
        return offsets.Select(o => (float)o).ToArray();
    }

    private static double MacroF1(double[][] logs, int[] truth, double[] offsets)
    {
        var classes = offsets.Length;
        var tp = new int[classes];
        var fp = new int[classes];
        var fn = new int[classes];
        for (var i = 0; i < logs.Length; i++)
        {
            var best = 0;
            for (var k = 1; k < classes; k++)
                if (logs[i][k] + offsets[k] > logs[i][best] + offsets[best]) best = k;
            if (best == truth[i]) tp[best]++;
            else { fp[best]++; if (truth[i] >= 0) fn[truth[i]]++; }
        }
        return Enumerable.Range(0, classes).Average(k => tp[k] == 0 ? 0 : 2.0 * tp[k] / (2.0 * tp[k] + fp[k] + fn[k]));
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

    private static VBuffer<float> Vector(SparseFeatures features) =>
        new(HashedFeaturizer.Dimension, features.Indices.Length, features.Values, features.Indices);

    private static BinaryLinearModel FitTheme(MLContext ml, IReadOnlyList<LabelledSentence> data, IReadOnlyList<SparseFeatures> features, string theme)
    {
        var rows = data.Select((d, i) => new ThemeTrainingRow { Features = Vector(features[i]), Label = d.Has(theme) });
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(ThemeTrainingRow.Label),
            FeatureColumnName = nameof(ThemeTrainingRow.Features),
            L2Regularization = ThemeL2,
            L1Regularization = 0.0f,
            OptimizationTolerance = 1e-6f,
        });
        // Cached: L-BFGS reads the data once per iteration, and re-enumerating the rows costs more than the maths.
        var fitted = trainer.Fit(ml.Data.Cache(ml.Data.LoadFromEnumerable(rows))).Model;
        var linear = fitted.SubModel;
        return new BinaryLinearModel(linear.Weights.ToArray(), linear.Bias, (float)fitted.Calibrator.Slope, (float)fitted.Calibrator.Offset);
    }

    private static MulticlassLinearModel FitStance(MLContext ml, IReadOnlyList<LabelledSentence> data, IReadOnlyList<SparseFeatures> features)
    {
        var counts = data.GroupBy(d => d.Stance).ToDictionary(g => g.Key, g => g.Count());
        var rows = data.Select((d, i) => new StanceTrainingRow
        {
            Features = Vector(features[i]),
            Label = d.Stance,
            Weight = (float)Math.Sqrt((double)data.Count / (counts.Count * counts[d.Stance])),
        });
        // Keys ordered by value, so class k is the k-th stance in ordinal order of the names.
        var labels = counts.Keys.Order(StringComparer.Ordinal).ToList();
        var view = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(StanceTrainingRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(view).Transform(view);
        var fitted = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = nameof(StanceTrainingRow.Features),
            ExampleWeightColumnName = nameof(StanceTrainingRow.Weight),
            L2Regularization = StanceL2,
            OptimizationTolerance = StanceTolerance,
        }).Fit(ml.Data.Cache(keyed)).Model;
        VBuffer<float>[] weights = [];
        fitted.GetWeights(ref weights, out var classes);
        if (classes != labels.Count) throw new InvalidOperationException($"the stance model has {classes} classes for {labels.Count} stances");
        return new MulticlassLinearModel(labels, weights.Take(classes).Select(w => w.DenseValues().ToArray()).ToArray(), fitted.GetBiases().ToArray());
    }
}
