using JudgementMiner.Models;

namespace JudgementMiner.Grading;

/// <summary>One report's out-of-fold prediction: made by a model that never saw this council's reports.</summary>
public sealed record GradePrediction(LeadershipText Report, int Fold, float[] Probabilities)
{
    public string Predicted => GradeTextModel.MostLikely(Probabilities);

    /// <summary>How many grades apart the prediction and the awarded grade are (0 to 3).</summary>
    public int Distance => Math.Abs(Array.IndexOf(GradeTextModel.Grades, Predicted) - Array.IndexOf(GradeTextModel.Grades, Report.Grade));

    /// <summary>The expected grade under the predicted probabilities minus the awarded one (negative: text reads better than the grade).</summary>
    public double ExpectedGap => Probabilities.Select((p, i) => p * i).Sum() - Array.IndexOf(GradeTextModel.Grades, Report.Grade);
}

/// <summary>Cross-validated quality of the text-implied grade, beside the majority-class baseline.</summary>
public sealed record GradeTextEvaluation(
    IReadOnlyList<GradePrediction> Predictions,
    IReadOnlyList<GradeTextModel> FoldModels,
    string MajorityGrade)
{
    public const int Folds = 5;

    public int Reports => Predictions.Count;

    public double ExactAccuracy => Predictions.Count(p => p.Distance == 0) / (double)Reports;

    public double WithinOneAccuracy => Predictions.Count(p => p.Distance <= 1) / (double)Reports;

    public double BaselineAccuracy => Predictions.Count(p => p.Report.Grade == MajorityGrade) / (double)Reports;

    /// <summary>The majority-class baseline within one grade.</summary>
    public double BaselineWithinOne =>
        Predictions.Count(p => Math.Abs(Array.IndexOf(GradeTextModel.Grades, MajorityGrade) - Array.IndexOf(GradeTextModel.Grades, p.Report.Grade)) <= 1) / (double)Reports;

    public double MacroF1 => GradeTextModel.Grades.Select(F1).Average();

    public double F1(string grade)
    {
        var tp = Predictions.Count(p => p.Predicted == grade && p.Report.Grade == grade);
        var predicted = Predictions.Count(p => p.Predicted == grade);
        var actual = Predictions.Count(p => p.Report.Grade == grade);
        return predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
    }

    /// <summary>Rows: awarded grade; columns: predicted grade.</summary>
    public int[,] Confusion()
    {
        var matrix = new int[GradeTextModel.Grades.Length, GradeTextModel.Grades.Length];
        foreach (var p in Predictions)
            matrix[Array.IndexOf(GradeTextModel.Grades, p.Report.Grade), Array.IndexOf(GradeTextModel.Grades, p.Predicted)]++;
        return matrix;
    }

    /// <summary>
    /// Grouped 5-fold cross-validation by council over the reports with one of the four grades. Each fold's model is
    /// kept: it is the out-of-sample model for its reports (see <see cref="GradeTextModelSet"/>).
    /// </summary>
    public static GradeTextEvaluation Run(IReadOnlyList<LeadershipText> reports, IProgress<string>? progress = null)
    {
        var graded = reports.Where(r => GradeTextModel.IsGrade(r.Grade)).OrderBy(r => r.ReportId, StringComparer.Ordinal).ToList();
        var folds = GroupedFolds.Assign(graded.Select(r => r.Council).ToList(), Folds);
        var predictions = new List<GradePrediction>();
        var models = new List<GradeTextModel>();
        for (var fold = 0; fold < Folds; fold++)
        {
            progress?.Report($"fold {fold + 1}/{Folds}");
            var training = graded.Where((_, i) => folds[i] != fold).ToList();
            var model = GradeTextModel.Train(training);
            models.Add(model);
            predictions.AddRange(graded.Select((r, i) => (r, i)).Where(x => folds[x.i] == fold).Select(x => new GradePrediction(x.r, fold, model.Probabilities(x.r))));
        }
        // The majority grade of the whole set: a slightly generous baseline, since it is not learnt fold by fold.
        var majority = graded.GroupBy(r => r.Grade!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new GradeTextEvaluation(predictions.OrderBy(p => p.Report.ReportId, StringComparer.Ordinal).ToList(), models, majority);
    }
}
