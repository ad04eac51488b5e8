using JudgementMiner.Cli.Commands;
using JudgementMiner.Models;

namespace JudgementMiner.Tests.Models;

/// <summary>Training on a slice of the real labelled data, and the tagging contract.</summary>
public class ModelTests
{
    private static readonly Lazy<IReadOnlyList<LabelledSentence>> Labels = new(() =>
        LabelSet.Load(Path.Combine(Fixtures.RepoRoot, "data", "labels", LabelSet.FileName)));

    /// <summary>A fixed slice of about 1,500 labelled sentences: enough to learn the clear cases, quick to train.</summary>
    private static IReadOnlyList<LabelledSentence> Slice() => Labels.Value.Where((_, i) => i % 4 == 0).ToList();

    // Untuned (every threshold 0.5): the clear sentences below need no tuning, and tuning trains the model four times
    // more (45 s of the suite); the decision rules have their own tests below and CI's 'eval themes' runs them whole.
    private static readonly Lazy<ThemeModel> SliceModel = new(() => new ModelTrainer().Train(Slice(), "test", tuneThresholds: false));

    [Fact]
    public void The_labels_meet_the_annotation_plan()
    {
        var labels = Labels.Value;
        Assert.True(labels.Count >= 6000, $"{labels.Count} labelled sentences");
        Assert.True(labels.Select(l => l.ReportId).Distinct().Count() >= 150);
        foreach (var theme in Themes.All)
            Assert.True(labels.Count(l => l.Has(theme)) >= 300, $"{theme}: {labels.Count(l => l.Has(theme))} positive examples");
        Assert.All(new[] { "sif", "ilacs", "ilacs_2026", "pre2013" }, f => Assert.Contains(labels, l => l.Framework == f));
    }

    [Theory]
    [InlineData("The corporate parenting board is well attended by elected members, who are ambitious for children in care.", "corporate_parenting")]
    [InlineData("Caseloads are manageable and the use of agency social workers has reduced through a successful recruitment campaign.", "workforce")]
    [InlineData("Performance data and regular case audits give senior leaders a clear line of sight to frontline practice.", "performance_management")]
    [InlineData("The local authority works closely with the police, health partners and schools through the safeguarding partnership.", "partnerships")]
    [InlineData("The children in care council meets regularly and young people's views have shaped the local offer and services.", "voice_of_child")]
    [InlineData("A shortage of local foster carers means that too many children are placed at a distance; the sufficiency strategy is not yet effective.", "sufficiency")]
    public void A_model_trained_on_a_slice_finds_the_theme_of_clear_held_out_sentences(string sentence, string theme)
    {
        // These sentences are written for the test, so they are not in the training slice.
        var tags = SliceModel.Value.Tag([SentenceInput.From(sentence, "leadership")])[0];
        Assert.True(tags.Themes.Contains(theme), $"expected {theme}; got [{string.Join(", ", tags.Themes)}] with p={tags.Probabilities[theme]:0.000}");
    }

    [Theory]
    [InlineData("Leaders have established a strong and effective learning culture across the service.", "positive")]
    [InlineData("Too many children experience delay because management oversight is not effective.", "negative")]
    public void A_model_trained_on_a_slice_reads_the_stance_of_clear_sentences(string sentence, string stance)
    {
        Assert.Equal(stance, SliceModel.Value.Tag([SentenceInput.From(sentence, "leadership")])[0].Stance);
    }

    [Fact]
    public void Same_labels_same_model_same_output()
    {
        var slice = Slice().Take(600).ToList();
        var inputs = Labels.Value.Skip(1).Where((_, i) => i % 97 == 0).Select(l => l.Input()).ToList();
        var first = new ModelTrainer().Train(slice, "a", tuneThresholds: false).Tag(inputs);
        var second = new ModelTrainer().Train(slice, "a", tuneThresholds: false).Tag(inputs);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(first[i].Stance, second[i].Stance);
            foreach (var theme in Themes.All) Assert.Equal(first[i].Probabilities[theme], second[i].Probabilities[theme]);
        }
    }

    [Fact]
    public void Grouped_folds_never_split_a_council()
    {
        var labels = Labels.Value;
        var folds = GroupedFolds.Assign(labels.Select(l => l.LocalAuthority).ToList(), 5);
        foreach (var council in labels.Select((l, i) => (l.LocalAuthority, Fold: folds[i])).GroupBy(x => x.LocalAuthority))
            Assert.Single(council.Select(x => x.Fold).Distinct());
        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToList();
        Assert.Equal(5, sizes.Count);
        Assert.True(sizes.Max() - sizes.Min() < labels.Count / 10, "folds should be balanced");
    }

    [Fact]
    public void The_best_threshold_maximises_f1()
    {
        float[] probabilities = [0.9f, 0.8f, 0.35f, 0.3f, 0.2f, 0.1f];
        bool[] truth = [true, true, true, false, false, false];
        Assert.Equal(0.31f, ModelTrainer.BestThreshold(probabilities, truth), 2);
    }

    [Fact]
    public void Stance_offsets_favour_a_class_the_arg_max_never_picks_when_that_raises_macro_f1()
    {
        // Class 1 is always second-best by a small margin where it is the truth: the arg-max never picks it.
        float[][] probabilities = [[0.6f, 0.4f], [0.55f, 0.45f], [0.9f, 0.1f], [0.95f, 0.05f]];
        int[] truth = [1, 1, 0, 0];
        var offsets = ModelTrainer.BestStanceOffsets(probabilities, truth, 2);
        Assert.Equal(0f, offsets[0]);
        Assert.InRange(offsets[1], Math.Log(0.6 / 0.4) + 1e-6, Math.Log(0.9 / 0.1) - 1e-6); // picks 1 for the first two rows only
        var untouched = ModelTrainer.BestStanceOffsets([[0.9f, 0.1f], [0.2f, 0.8f]], [0, 1], 2);
        Assert.Equal(new[] { 0f, 0f }, untouched); // already right: no change
    }

    [Fact]
    public void Labels_carry_the_previous_sentence_when_the_file_has_it()
    {
        using var temp = new TempDirectory();
        var path = temp.File("labels.csv");
        File.WriteAllText(path, "id,report_id,la,framework,year,section,section_heading,stratum,text,themes,stance,annotator,note,previous_text\n"
            + "a-1,a,Xshire,sif,2017,leadership,Leadership,leadership_section,They challenge leaders.,scrutiny,positive,annotator-1,,Elected members are well informed.\n");
        var label = Assert.Single(LabelSet.Load(path));
        Assert.Equal("Elected members are well informed.", label.Previous);
        Assert.Equal("Elected members are well informed.", label.Input().Previous);
    }

    [Fact]
    public void The_keyword_baseline_reads_its_lexicon()
    {
        Assert.Contains("scrutiny", KeywordBaseline.Themes("Members provide robust challenge through the scrutiny committee."));
        Assert.Empty(KeywordBaseline.Themes("The child was seen alone."));
        Assert.Equal("mixed", KeywordBaseline.Stance("Plans are strong but not all are reviewed."));
    }

    [Fact]
    public void Tag_rejects_a_malformed_csv_naming_the_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.csv");
        File.WriteAllText(path, "id,text\n1,Leaders are effective.\n2,\"an unterminated quote\n3,fine\n");
        var error = Assert.Throws<InvalidDataException>(() => TagCommand.ReadInput(path, "leadership"));
        Assert.Contains("bad.csv", error.Message);
        Assert.Matches(@"line \d+", error.Message);
    }

    [Fact]
    public void Tag_rejects_a_csv_without_the_text_column()
    {
        using var temp = new TempDirectory();
        var path = temp.File("header.csv");
        File.WriteAllText(path, "id,sentence\n1,Leaders are effective.\n");
        var error = Assert.Throws<InvalidDataException>(() => TagCommand.ReadInput(path, "leadership"));
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Tag_rejects_a_row_with_an_empty_text_naming_its_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.csv");
        File.WriteAllText(path, "id,text\n1,Leaders are effective.\n2,\n");
        var error = Assert.Throws<InvalidDataException>(() => TagCommand.ReadInput(path, "leadership"));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void The_shipped_models_load_and_tag()
    {
        var model = ThemeModel.Load(Path.Combine(Fixtures.RepoRoot, "models"));
        var tags = model.Tag([SentenceInput.From("Elected members scrutinise performance data and hold senior leaders to account.", "leadership")])[0];
        Assert.Contains("scrutiny", tags.Themes);
        Assert.StartsWith("themes-", model.Version);
    }
}
