using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace JudgementMiner.Models;

/// <summary>One sentence's tags: the themes over their thresholds, every theme's probability, the stance and its confidence.</summary>
public sealed record SentenceTags(IReadOnlyList<string> Themes, IReadOnlyDictionary<string, float> Probabilities, string Stance, float StanceConfidence);

/// <summary>
/// The trained models: a shared featurizer, one calibrated binary classifier per theme with its own decision
/// threshold, and a stance classifier. Scores many sentences at once through IDataView transforms (a
/// PredictionEngine is not thread-safe and is slow for batches).
/// </summary>
public sealed class ThemeModel
{
    public const string ThresholdsFile = "thresholds.json";

    private readonly MLContext _ml;
    private readonly ITransformer _featurizer;
    private readonly IReadOnlyDictionary<string, ITransformer> _themes;
    private readonly ITransformer _stance;

    public ThemeModel(MLContext ml, ITransformer featurizer, IReadOnlyDictionary<string, ITransformer> themes, ITransformer stance,
        IReadOnlyDictionary<string, float> thresholds, string version)
    {
        _ml = ml;
        _featurizer = featurizer;
        _themes = themes;
        _stance = stance;
        Thresholds = thresholds;
        Version = version;
    }

    public IReadOnlyDictionary<string, float> Thresholds { get; }


    /// <summary>Identifies the model in the dataset's model_version column.</summary>
    public string Version { get; }

    /// <summary>Sentences scored per pass: bounds the memory a large batch needs, and lets passes run on all cores.</summary>
    private const int ChunkSize = 5000;

    private ITransformer? _scorer;

    public IReadOnlyList<SentenceTags> Tag(IReadOnlyList<SentenceInput> sentences)
    {
        var scorer = Scorer();
        var chunks = (sentences.Count + ChunkSize - 1) / ChunkSize;
        var results = new SentenceTags[chunks][];
        // Each pass has its own data view and cursor; the fitted transformers are shared read-only.
        Parallel.For(0, chunks, chunk =>
        {
            var part = sentences.Skip(chunk * ChunkSize).Take(ChunkSize).ToList();
            // Featurize once and cache: otherwise every model downstream re-runs the text featurizer for its own read.
            var features = _ml.Data.Cache(_featurizer.Transform(_ml.Data.LoadFromEnumerable(part)), Featurizer.Features);
            var scored = scorer.Transform(features);
            results[chunk] = _ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false).Select(ToTags).ToArray();
        });
        return results.SelectMany(r => r).ToList();
    }

    private SentenceTags ToTags(ScoredRow row)
    {
        var p = new Dictionary<string, float>(Models.Themes.All.Length);
        for (var i = 0; i < Models.Themes.All.Length; i++) p[Models.Themes.All[i]] = row.Probabilities[i];
        var chosen = Models.Themes.All.Where(t => p[t] >= Thresholds[t]).ToList();
        return new SentenceTags(chosen, p, row.PredictedStance, row.StanceScores.Length == 0 ? 0 : row.StanceScores.Max());
    }

    /// <summary>
    /// One transformer chain over the features that runs every model: each theme's probability is copied to its own
    /// column before the next model overwrites "Probability", then they are gathered into one vector.
    /// </summary>
    private ITransformer Scorer()
    {
        if (_scorer is not null) return _scorer;
        var empty = _ml.Data.LoadFromEnumerable(new List<SentenceInput>());
        var parts = new List<ITransformer>();
        var view = _featurizer.Transform(empty);
        foreach (var theme in Models.Themes.All)
        {
            view = _themes[theme].Transform(view);
            var copy = _ml.Transforms.CopyColumns($"p_{theme}", "Probability").Fit(view);
            view = copy.Transform(view);
            parts.Add(_themes[theme]);
            parts.Add(copy);
        }
        var gather = _ml.Transforms.Concatenate(nameof(ScoredRow.Probabilities), Models.Themes.All.Select(t => $"p_{t}").ToArray()).Fit(view);
        view = gather.Transform(view);
        parts.Add(gather);
        parts.Add(_stance);
        _scorer = new TransformerChain<ITransformer>(parts.ToArray());
        return _scorer;
    }

    private sealed class ScoredRow
    {
        [VectorType(8)]
        public float[] Probabilities { get; set; } = [];

        [ColumnName("PredictedLabel")]
        public string PredictedStance { get; set; } = "";

        [ColumnName("Score")]
        public float[] StanceScores { get; set; } = [];
    }

    public void Save(string directory, DataViewSchema inputSchema)
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_featurizer, inputSchema, Path.Combine(directory, "featurizer.zip"));
        var featureSchema = _featurizer.GetOutputSchema(inputSchema);
        foreach (var (theme, model) in _themes) _ml.Model.Save(model, featureSchema, Path.Combine(directory, $"theme-{theme}.zip"));
        _ml.Model.Save(_stance, featureSchema, Path.Combine(directory, "stance.zip"));
        var card = new ThresholdFile(Version, Thresholds.ToDictionary(kv => kv.Key, kv => kv.Value));
        File.WriteAllText(Path.Combine(directory, ThresholdsFile), JsonSerializer.Serialize(card, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Loads the models shipped in <paramref name="directory"/>; throws a clear error naming what is missing.</summary>
    public static ThemeModel Load(string directory, int seed = ModelTrainer.Seed)
    {
        var ml = new MLContext(seed);
        string Required(string name)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path} (run 'judgementminer train' to make the models)", path);
            return path;
        }
        var thresholds = JsonSerializer.Deserialize<ThresholdFile>(File.ReadAllText(Required(ThresholdsFile)))
                         ?? throw new InvalidDataException($"{Path.Combine(directory, ThresholdsFile)} is empty");
        var featurizer = ml.Model.Load(Required("featurizer.zip"), out _);
        var themes = Models.Themes.All.ToDictionary(t => t, t => ml.Model.Load(Required($"theme-{t}.zip"), out _));
        var stance = ml.Model.Load(Required("stance.zip"), out _);
        return new ThemeModel(ml, featurizer, themes, stance, thresholds.Thresholds, thresholds.Version);
    }

    /// <summary>The version of the models in <paramref name="directory"/>, read without loading them (a fraction of a millisecond, not a second).</summary>
    public static string ReadVersion(string directory)
    {
        var path = Path.Combine(directory, ThresholdsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file missing: {path} (run 'judgementminer train' to make the models)", path);
        return (JsonSerializer.Deserialize<ThresholdFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty")).Version;
    }

    private sealed record ThresholdFile(string Version, Dictionary<string, float> Thresholds);
}
