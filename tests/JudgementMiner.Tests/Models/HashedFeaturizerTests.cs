using JudgementMiner.Models;

namespace JudgementMiner.Tests.Models;

public class HashedFeaturizerTests
{
    private const string Sentence = "Elected members scrutinise performance data and hold senior leaders to account.";

    [Fact]
    public void Features_are_sorted_unique_and_the_text_part_has_unit_length()
    {
        var features = HashedFeaturizer.Featurize(SentenceInput.From(Sentence, "leadership"));
        Assert.Equal(features.Indices.Order(), features.Indices);
        Assert.Equal(features.Indices.Length, features.Indices.Distinct().Count());
        Assert.All(features.Indices, i => Assert.InRange(i, 0, HashedFeaturizer.Dimension - 1));
        var text = features.Indices.Select((index, k) => (index, value: features.Values[k])).Where(f => f.index < HashedFeaturizer.TextBuckets);
        Assert.Equal(1.0, Math.Sqrt(text.Sum(f => (double)f.value * f.value)), 4);
    }

    [Fact]
    public void The_same_sentence_gives_the_same_features_and_case_and_punctuation_do_not_matter()
    {
        var a = HashedFeaturizer.Featurize(SentenceInput.From(Sentence, "leadership"));
        var b = HashedFeaturizer.Featurize(SentenceInput.From(Sentence.ToUpperInvariant().Replace(".", " !"), "leadership"));
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void The_section_and_the_words_change_the_features()
    {
        var leadership = HashedFeaturizer.Featurize(SentenceInput.From(Sentence, "leadership"));
        var lscb = HashedFeaturizer.Featurize(SentenceInput.From(Sentence, "lscb"));
        var other = HashedFeaturizer.Featurize(SentenceInput.From("Caseloads are manageable for most social workers.", "leadership"));
        Assert.NotEqual(leadership.Indices, lscb.Indices);
        Assert.NotEqual(leadership.Indices, other.Indices);
    }

    [Fact]
    public void Saved_models_load_and_tag_exactly_as_before()
    {
        using var temp = new TempDirectory();
        var labels = LabelSet.Load(Path.Combine(Fixtures.RepoRoot, "data", "labels", LabelSet.FileName)).Where((_, i) => i % 10 == 0).ToList();
        var model = new ModelTrainer().Train(labels, "round-trip", tuneThresholds: false);
        model.Save(temp.Path);
        var loaded = ThemeModel.Load(temp.Path);

        var inputs = labels.Take(50).Select(l => SentenceInput.From(l.Text, l.Section)).ToList();
        var before = model.Tag(inputs);
        var after = loaded.Tag(inputs);
        Assert.Equal("round-trip", loaded.Version);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(before[i].Stance, after[i].Stance);
            Assert.Equal(before[i].StanceConfidence, after[i].StanceConfidence);
            foreach (var theme in Themes.All) Assert.Equal(before[i].Probabilities[theme], after[i].Probabilities[theme]);
        }
    }

    [Fact]
    public void A_damaged_weights_file_is_refused_with_its_name()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File(ThemeModel.ThresholdsFile), "{\"Version\":\"x\",\"Thresholds\":{}}");
        File.WriteAllBytes(temp.File(ThemeModel.WeightsFile), [1, 2, 3]);
        var error = Assert.ThrowsAny<Exception>(() => ThemeModel.Load(temp.Path));
        Assert.True(error is InvalidDataException, $"{error.GetType().Name}: {error.Message}");
        Assert.Contains(ThemeModel.WeightsFile, error.Message);
    }
}
