namespace JudgementMiner.Models;

/// <summary>
/// A trained binary logistic regression: weights over <see cref="HashedFeaturizer"/> features, a bias, and ML.NET's
/// Platt calibration of the score, p = 1 / (1 + exp(slope · score + offset)).
/// </summary>
public sealed class BinaryLinearModel(float[] weights, float bias, float slope, float offset)
{
    public float[] Weights { get; } = weights;
    public float Bias { get; } = bias;
    public float Slope { get; } = slope;
    public float Offset { get; } = offset;

    public float Probability(SparseFeatures features)
    {
        var score = Bias + Dot(Weights, features);
        return (float)(1 / (1 + Math.Exp(Slope * score + Offset)));
    }

    internal static float Dot(float[] weights, SparseFeatures features)
    {
        var sum = 0f;
        for (var i = 0; i < features.Indices.Length; i++) sum += weights[features.Indices[i]] * features.Values[i];
        return sum;
    }
}

/// <summary>A trained multinomial logistic regression (maximum entropy): one weight vector and bias per class, softmax.</summary>
public sealed class MulticlassLinearModel(IReadOnlyList<string> labels, float[][] weights, float[] biases)
{
    public IReadOnlyList<string> Labels { get; } = labels;
    public float[][] Weights { get; } = weights;
    public float[] Biases { get; } = biases;

    public float[] Probabilities(SparseFeatures features)
    {
        var scores = new double[Labels.Count];
        for (var k = 0; k < scores.Length; k++) scores[k] = Biases[k] + BinaryLinearModel.Dot(Weights[k], features);
        var max = scores.Max();
        var sum = 0.0;
        for (var k = 0; k < scores.Length; k++) sum += scores[k] = Math.Exp(scores[k] - max);
        return scores.Select(s => (float)(s / sum)).ToArray();
    }

    /// <summary>The same model with <paramref name="offsets"/> added to the biases (a shift of the class priors).</summary>
    public MulticlassLinearModel WithBiasOffsets(float[] offsets) =>
        new(Labels, Weights, Biases.Select((b, k) => b + offsets[k]).ToArray());
}
