using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace JudgementMiner.Models;

/// <summary>
/// The shared features: word 1-2-grams and character 3-5-grams of the sentence (the n-gram dictionaries capped so the
/// saved model stays small), the section one-hot encoded, and the lexicon hits per theme.
/// </summary>
public static class Featurizer
{
    public const string Features = "Features";

    /// <summary>Most n-grams kept per kind; the rest are rare and only grow the model (ML.NET #3797).</summary>
    private const int MaximumNgrams = 30000;

    public static IEstimator<ITransformer> Build(MLContext ml)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, MaximumNgramsCount = [MaximumNgrams] },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false, MaximumNgramsCount = [MaximumNgrams] },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(SentenceInput.Text))
            .Append(ml.Transforms.Categorical.OneHotEncoding("SectionFeatures", nameof(SentenceInput.Section)))
            .Append(ml.Transforms.NormalizeLogMeanVariance("LexiconFeatures", nameof(SentenceInput.LexiconHits)))
            .Append(ml.Transforms.Concatenate(Features, "TextFeatures", "SectionFeatures", "LexiconFeatures"));
    }
}
