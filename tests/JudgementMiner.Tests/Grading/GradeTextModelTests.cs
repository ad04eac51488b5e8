using JudgementMiner.Grading;

namespace JudgementMiner.Tests.Grading;

public class GradeTextModelTests
{
    private static readonly Dictionary<string, string[]> Phrases = new()
    {
        ["outstanding"] = ["Leaders are exceptionally ambitious and innovative.", "Practice is consistently excellent and highly effective.", "Children thrive because of exemplary leadership."],
        ["good"] = ["Leaders are ambitious and effective.", "Practice is mostly strong.", "Oversight is regular and purposeful."],
        ["requires_improvement"] = ["Progress has been slow and practice is inconsistent.", "Oversight is not always effective.", "Some plans lack detail."],
        ["inadequate"] = ["Serious and widespread failures leave children at risk.", "Leaders have not ensured that children are safe.", "Management oversight is ineffective."],
    };

    private static float[] Shares(string grade) => grade switch
    {
        "outstanding" => [0.95f, 0.02f, 0.01f, 0.02f],
        "good" => [0.8f, 0.1f, 0.05f, 0.05f],
        "requires_improvement" => [0.5f, 0.35f, 0.1f, 0.05f],
        _ => [0.2f, 0.7f, 0.05f, 0.05f],
    };

    private static List<LeadershipText> Reports(int perGrade, int offset = 0)
    {
        var random = new Random(7 + offset);
        var reports = new List<LeadershipText>();
        foreach (var grade in GradeTextModel.Grades)
            for (var i = 0; i < perGrade; i++)
            {
                var sentences = Enumerable.Range(0, 6).Select(_ => Phrases[grade][random.Next(3)]);
                var id = $"{grade}-{i + offset}";
                reports.Add(new LeadershipText(id, $"sha-{id}", $"Council {id}", $"council-{id}", grade, string.Join(' ', sentences), Shares(grade), 6, 0));
            }
        return reports;
    }

    [Fact]
    public void Clear_held_out_reports_get_their_grade_and_training_is_deterministic()
    {
        var training = Reports(8);
        var first = GradeTextModel.Train(training);
        var second = GradeTextModel.Train(training);
        foreach (var report in Reports(2, offset: 100))
        {
            var probabilities = first.Probabilities(report);
            Assert.Equal(report.Grade, GradeTextModel.MostLikely(probabilities));
            Assert.Equal(1f, probabilities.Sum(), 3);
            Assert.Equal(probabilities, second.Probabilities(report));
        }
    }

    [Fact]
    public void The_shipped_set_predicts_training_reports_with_the_fold_model_that_held_them_out()
    {
        using var temp = new TempDirectory();
        var reports = Reports(10);
        var evaluation = GradeTextEvaluation.Run(reports);
        Assert.Equal(reports.Count, evaluation.Reports);
        Assert.True(evaluation.ExactAccuracy > evaluation.BaselineAccuracy);
        var folder = Path.Combine(temp.Path, TextGradeModelSet.FolderName);
        TextGradeModelSet.Write(folder, GradeTextModel.Train(reports), evaluation);

        var set = TextGradeModelSet.FromModelsDirectory(temp.Path)!;
        Assert.NotNull(set);
        foreach (var prediction in evaluation.Predictions.Take(8))
        {
            var (probabilities, heldOut) = set.Predict(prediction.Report);
            Assert.True(heldOut);
            Assert.Equal(prediction.Probabilities, probabilities);
        }
        var unseen = Reports(1, offset: 500)[0];
        Assert.False(set.Predict(unseen).HeldOut);
    }

    [Fact]
    public void A_damaged_text_grade_folder_is_reported_by_file()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, TextGradeModelSet.FolderName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, TextGradeModelSet.FullModelFile), "not a zip");
        File.WriteAllText(Path.Combine(folder, TextGradeModelSet.TrainingFile), "file_sha256,fold\nabc,not-a-number\n");
        var unreadable = Assert.Throws<JudgementMiner.Models.ModelLoadException>(() => TextGradeModelSet.FromModelsDirectory(temp.Path));
        Assert.Contains(TextGradeModelSet.TrainingFile, unreadable.Message);

        File.WriteAllText(Path.Combine(folder, TextGradeModelSet.TrainingFile), "file_sha256,report_id,council,grade,fold,predicted,p_outstanding,p_good,p_requires_improvement,p_inadequate\n");
        var set = TextGradeModelSet.FromModelsDirectory(temp.Path)!;
        var broken = Assert.Throws<JudgementMiner.Models.ModelLoadException>(() => set.Predict(Reports(1)[0]));
        Assert.Contains(TextGradeModelSet.FullModelFile, broken.Message);
    }
}
