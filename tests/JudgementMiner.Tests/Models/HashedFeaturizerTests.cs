using JudgementMiner.Models;

namespace JudgementMiner.Tests.Models;

public class HashedFeaturizerTests
{
    private const string Sentence = "Elected members scrutinise performance data and hold senior leaders to account.";

    [Fact]
    public void Features_are_sorted_unique_and_the_word_and_char_blocks_have_their_lengths()
    {
        var features = HashedFeaturizer.Featurize(SentenceInput.From(Sentence, "leadership"));
        Assert.Equal(features.Indices.Order(), features.Indices);
        Assert.Equal(features.Indices.Length, features.Indices.Distinct().Count());
        Assert.All(features.Indices, i => Assert.InRange(i, 0, HashedFeaturizer.Dimension - 1));
        // Two orthogonal blocks (words at WordWeight, char 4-grams at 1) unless two n-grams share a bucket: this sentence's do not.
        var text = features.Indices.Select((index, k) => (index, value: features.Values[k])).Where(f => f.index < HashedFeaturizer.TextBuckets);
        var expected = Math.Sqrt(HashedFeaturizer.WordWeight * HashedFeaturizer.WordWeight + 1);
        Assert.Equal(expected, Math.Sqrt(text.Sum(f => (double)f.value * f.value)), 4);
    }

    [Fact]
    public void The_previous_sentence_adds_its_own_features_and_leaves_the_sentence_s_own()
    {
        const string sentence = "They challenge senior leaders robustly.";
        var alone = HashedFeaturizer.Featurize(SentenceInput.From(sentence, "leadership"));
        var withContext = HashedFeaturizer.Featurize(SentenceInput.From(sentence, "leadership", "Elected members visit frontline teams."));
        Assert.True(withContext.Indices.Length > alone.Indices.Length);
        Assert.Subset(withContext.Indices.ToHashSet(), alone.Indices.ToHashSet());
        for (var k = 0; k < alone.Indices.Length; k++)
            Assert.Equal(alone.Values[k], withContext.Values[Array.IndexOf(withContext.Indices, alone.Indices[k])]);

        // "members" before the sentence is not "members" in it: context has its own hash space.
        var membersInside = HashedFeaturizer.Featurize(SentenceInput.From("Members", "leadership"));
        var membersBefore = HashedFeaturizer.Featurize(SentenceInput.From("", "leadership", "Members"));
        var inside = membersInside.Indices.Where(i => i < HashedFeaturizer.TextBuckets).ToHashSet();
        var before = membersBefore.Indices.Where(i => i < HashedFeaturizer.TextBuckets).ToList();
        Assert.NotEmpty(before);
        Assert.DoesNotContain(before, inside.Contains);
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

        var inputs = labels.Take(50).Select(l => l.Input()).ToList();
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
