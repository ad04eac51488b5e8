using System.Text.Json;

namespace JudgementMiner.Models;

/// <summary>One sentence's tags: the themes over their thresholds, every theme's probability, the stance and its confidence.</summary>
public sealed record SentenceTags(IReadOnlyList<string> Themes, IReadOnlyDictionary<string, float> Probabilities, string Stance, float StanceConfidence)
{
    /// <summary>Every stance's probability, in the order of <see cref="ThemeModel.StanceLabels"/>.</summary>
    public float[] StanceProbabilities { get; init; } = [];
}

/// <summary>
/// The trained models: one calibrated logistic regression per theme with its own decision threshold, and a
/// maximum-entropy stance model, all over the features of <see cref="HashedFeaturizer"/>. ML.NET trains them
/// (<see cref="ModelTrainer"/>); scoring is a few sparse dot products per sentence, done here, on all cores.
/// </summary>
public sealed class ThemeModel(IReadOnlyDictionary<string, BinaryLinearModel> themes, MulticlassLinearModel stance,
    IReadOnlyDictionary<string, float> thresholds, string version, IReadOnlyDictionary<string, float>? stanceOffsets = null) : ISentenceTagger
{
    public const string ThresholdsFile = "thresholds.json";

    public const string WeightsFile = "weights.bin.gz";

    public IReadOnlyDictionary<string, float> Thresholds { get; } = thresholds;

    public IReadOnlyList<string> StanceLabels => stance.Labels;

    /// <summary>
    /// The offsets cross-validation chose for the stance biases. They are already inside the stance model's biases;
    /// kept here and in thresholds.json only so the model card can show them.
    /// </summary>
    public IReadOnlyDictionary<string, float> StanceOffsets { get; } = stanceOffsets ?? new Dictionary<string, float>();

    /// <summary>Identifies the model in the dataset's model_version column.</summary>
    public string Version { get; } = version;

    /// <summary>Tags the sentences on the calling thread: a run tags each report on its own worker, so the cores are already busy.</summary>
    public IReadOnlyList<SentenceTags> Tag(IReadOnlyList<SentenceInput> sentences) => sentences.Select(Tag).ToList();

    public SentenceTags Tag(SentenceInput sentence)
    {
        var features = HashedFeaturizer.Featurize(sentence);
        var p = new Dictionary<string, float>(Models.Themes.All.Length);
        foreach (var theme in Models.Themes.All) p[theme] = themes[theme].Probability(features);
        var chosen = Models.Themes.All.Where(t => p[t] >= Thresholds[t]).ToList();
        var stanceProbabilities = stance.Probabilities(features);
        var best = 0;
        for (var k = 1; k < stanceProbabilities.Length; k++)
            if (stanceProbabilities[k] > stanceProbabilities[best]) best = k;
        return new SentenceTags(chosen, p, stance.Labels[best], stanceProbabilities[best]) { StanceProbabilities = stanceProbabilities };
    }

    /// <summary>Writes <c>weights.bin.gz</c> (every model's non-zero weights, biases and calibration) and <c>thresholds.json</c>.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        ModelWeightsFile.Write(Path.Combine(directory, WeightsFile), themes, stance);
        var card = new ThresholdFile(Version, Thresholds.ToDictionary(kv => kv.Key, kv => kv.Value), HashedFeaturizer.Description,
            StanceOffsets.ToDictionary(kv => kv.Key, kv => kv.Value));
        File.WriteAllText(Path.Combine(directory, ThresholdsFile), JsonSerializer.Serialize(card, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Loads the models shipped in <paramref name="directory"/>; throws a clear error naming what is missing.</summary>
    public static ThemeModel Load(string directory)
    {
        string Required(string name)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path} (run 'judgementminer train' to make the models)", path);
            return path;
        }
        var thresholds = JsonSerializer.Deserialize<ThresholdFile>(File.ReadAllText(Required(ThresholdsFile)))
                         ?? throw new InvalidDataException($"{Path.Combine(directory, ThresholdsFile)} is empty");
        var (themes, stance) = ModelWeightsFile.Read(Required(WeightsFile));
        return new ThemeModel(themes, stance, thresholds.Thresholds, thresholds.Version, thresholds.StanceOffsets);
    }

    /// <summary>The version of the models in <paramref name="directory"/>, read without loading them.</summary>
    public static string ReadVersion(string directory)
    {
        var path = Path.Combine(directory, ThresholdsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path} (run 'judgementminer train' to make the models)", path);
        return (JsonSerializer.Deserialize<ThresholdFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty")).Version;
    }

    private sealed record ThresholdFile(string Version, Dictionary<string, float> Thresholds, string? Features = null,
        Dictionary<string, float>? StanceOffsets = null);
}
