using Microsoft.ML.Data;

namespace JudgementMiner.Models;

/// <summary>What the models read: the sentence, and the section it was written in (a strong cue: a leadership-section sentence is more often about leadership).</summary>
public sealed class SentenceInput
{
    public string Text { get; set; } = "";

    public string Section { get; set; } = "";

    /// <summary>
    /// The sentence before it in the same paragraph ("" for a paragraph's first sentence): what "they", "this" and
    /// "these arrangements" refer to, so "They challenge leaders robustly." can be scrutiny when members came before.
    /// </summary>
    public string Previous { get; set; } = "";

    /// <summary>
    /// Domain knowledge as features, never as labels: hits of each theme's lexicon (see <see cref="KeywordBaseline"/>),
    /// then stance cues (praise words, shortfall words, contrast words such as "but" and "although", numbers, a
    /// recommendation's opening "Ensure").
    /// </summary>
    public float[] LexiconHits { get; set; } = new float[FeatureCount];

    public const int FeatureCount = 13;

    public static SentenceInput From(string text, string section, string previous = "")
    {
        var hits = new float[FeatureCount];
        for (var i = 0; i < Themes.All.Length; i++)
            hits[i] = KeywordBaseline.Lexicons[Themes.All[i]].Count(text); // Count: no Match objects allocated
        var cues = KeywordBaseline.StanceCues(text);
        hits[8] = cues.Positive;
        hits[9] = cues.Negative;
        hits[10] = cues.Contrast;
        hits[11] = cues.Numbers;
        hits[12] = cues.Recommendation ? 1 : 0;
        return new SentenceInput { Text = text, Section = section, Previous = previous, LexiconHits = hits };
    }
}

/// <summary>A training row for one binary theme classifier.</summary>
public sealed class ThemeTrainingRow
{
    [VectorType(HashedFeaturizer.Dimension)]
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }
}

/// <summary>A training row for the stance classifier.</summary>
public sealed class StanceTrainingRow
{
    [VectorType(HashedFeaturizer.Dimension)]
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = "";

    /// <summary>The square root of the inverse class frequency, so the rare stances (mixed, neutral) count for more without swamping the common ones.</summary>
    public float Weight { get; set; } = 1;
}
