namespace JudgementMiner.Models;

/// <summary>Precision, recall and F1 of one label.</summary>
public sealed record LabelScore(string Label, int TruePositives, int FalsePositives, int FalseNegatives, int Support)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);
}

/// <summary>Scores of one system (the models or the keyword baseline) over a set of predictions.</summary>
public sealed record SystemScores(
    IReadOnlyList<LabelScore> Themes,
    double MicroF1,
    double MacroF1,
    double StanceAccuracy,
    double StanceMacroF1,
    IReadOnlyList<LabelScore> Stances,
    int[,] StanceConfusion)
{
    public static SystemScores Score(IReadOnlyList<LabelledSentence> truth, IReadOnlyList<(IReadOnlySet<string> Themes, string Stance)> predicted)
    {
        var themes = Models.Themes.All.Select(theme =>
        {
            int tp = 0, fp = 0, fn = 0, support = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var t = truth[i].Has(theme);
                var p = predicted[i].Themes.Contains(theme);
                if (t) support++;
                if (t && p) tp++;
                else if (p) fp++;
                else if (t) fn++;
            }
            return new LabelScore(theme, tp, fp, fn, support);
        }).ToList();
        var micro = themes.Sum(t => t.TruePositives) == 0 ? 0
            : 2.0 * themes.Sum(t => t.TruePositives) / (2.0 * themes.Sum(t => t.TruePositives) + themes.Sum(t => t.FalsePositives) + themes.Sum(t => t.FalseNegatives));

        var stances = Models.Themes.Stances;
        var confusion = new int[stances.Length, stances.Length];
        for (var i = 0; i < truth.Count; i++)
            confusion[Array.IndexOf(stances, truth[i].Stance), Math.Max(0, Array.IndexOf(stances, predicted[i].Stance))]++;
        var stanceScores = stances.Select((s, k) =>
        {
            var tp = confusion[k, k];
            var fp = Enumerable.Range(0, stances.Length).Sum(r => confusion[r, k]) - tp;
            var fn = Enumerable.Range(0, stances.Length).Sum(c => confusion[k, c]) - tp;
            return new LabelScore(s, tp, fp, fn, tp + fn);
        }).ToList();
        var accuracy = truth.Count == 0 ? 0 : (double)Enumerable.Range(0, stances.Length).Sum(k => confusion[k, k]) / truth.Count;
        return new SystemScores(themes, micro, themes.Average(t => t.F1), accuracy, stanceScores.Average(s => s.F1), stanceScores, confusion);
    }
}

/// <summary>The grouped cross-validation result: the models, the keyword baseline and the learning curve.</summary>
public sealed record ThemeEvaluation(int Sentences, int Folds, int Councils, SystemScores Models, SystemScores Baseline,
    IReadOnlyList<(double Fraction, double ThemeMacroF1, double StanceMacroF1)> LearningCurve,
    IReadOnlyList<SentenceTags> OutOfFold);

/// <summary>
/// Grouped k-fold cross-validation by local authority: no council is in both the training and the test folds. Each
/// training part chooses its own thresholds (nested), so the test folds never tune anything. The keyword baseline is
/// scored on the same test folds. The learning curve retrains on 25%, 50% and 75% of each training part.
/// </summary>
public static class ThemeEvaluator
{
    public static ThemeEvaluation Evaluate(IReadOnlyList<LabelledSentence> data, int folds = 5, bool learningCurve = true, Action<string>? log = null)
    {
        var foldOf = GroupedFolds.Assign(data.Select(d => d.LocalAuthority).ToList(), folds);
        var fractions = learningCurve ? new[] { 0.25, 0.5, 0.75, 1.0 } : [1.0];
        var predictions = fractions.ToDictionary(f => f, _ => new (IReadOnlySet<string>, string)[data.Count]);
        var outOfFold = new SentenceTags[data.Count];
        var trainer = new ModelTrainer();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = data.Where((_, i) => foldOf[i] != fold).ToList();
            var testIndexes = Enumerable.Range(0, data.Count).Where(i => foldOf[i] == fold).ToList();
            var testInputs = testIndexes.Select(i => data[i].Input()).ToList();
            foreach (var fraction in fractions)
            {
                log?.Invoke($"fold {fold + 1}/{folds}, {fraction:P0} of the training part");
                var part = fraction >= 1 ? train : Subsample(train, fraction, fold);
                var model = trainer.Train(part, "cv");
                var tags = model.Tag(testInputs);
                for (var k = 0; k < testIndexes.Count; k++)
                {
                    predictions[fraction][testIndexes[k]] = (tags[k].Themes.ToHashSet(), tags[k].Stance);
                    if (fraction >= 1) outOfFold[testIndexes[k]] = tags[k];
                }
            }
        }
        var full = SystemScores.Score(data, predictions[1.0]);
        var baseline = SystemScores.Score(data, data.Select(d => (KeywordBaseline.Themes(d.Text), KeywordBaseline.Stance(d.Text))).ToList());
        var curve = fractions.Select(f => { var s = SystemScores.Score(data, predictions[f]); return (f, s.MacroF1, s.StanceMacroF1); }).ToList();
        return new ThemeEvaluation(data.Count, folds, data.Select(d => d.LocalAuthority).Distinct().Count(), full, baseline, curve, outOfFold);
    }

    private static List<LabelledSentence> Subsample(List<LabelledSentence> train, double fraction, int fold)
    {
        var random = new Random(ModelTrainer.Seed + fold);
        return train.OrderBy(_ => random.Next()).Take((int)Math.Round(train.Count * fraction)).ToList();
    }
}
