using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using JudgementMiner.Models;

namespace JudgementMiner.Grading;

/// <summary>
/// The shipped text-implied grade models, cross-fitted: the model trained on every graded report of the corpus, and
/// the five fold models of its grouped cross-validation. A report the models were trained on (known by its file's
/// SHA-256) is predicted by the fold model that never saw its council, so its prediction is out-of-sample, as it is
/// for every new report (predicted by the full model). Folder layout:
/// <code>
/// text-grade/model.zip           all graded reports
/// text-grade/fold-1.zip ... 5    one per cross-validation fold
/// text-grade/training_reports.csv  file_sha256, report_id, council, grade, fold, and the out-of-fold prediction
/// </code>
/// </summary>
public sealed class TextGradeModelSet
{
    public const string FolderName = "text-grade";
    public const string FullModelFile = "model.zip";
    public const string TrainingFile = "training_reports.csv";

    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, int> _foldOfFile;
    private readonly Lazy<GradeTextModel>[] _models;

    private TextGradeModelSet(string directory, IReadOnlyDictionary<string, int> foldOfFile, string version)
    {
        _directory = directory;
        _foldOfFile = foldOfFile;
        Version = version;
        // Index 0 is the full model, 1..5 the fold models; each is loaded on first use.
        _models = Enumerable.Range(0, GradeTextEvaluation.Folds + 1)
            .Select(i => new Lazy<GradeTextModel>(() => LoadModel(Path.Combine(_directory, i == 0 ? FullModelFile : FoldFile(i - 1))),
                LazyThreadSafetyMode.ExecutionAndPublication))
            .ToArray();
    }

    public string Version { get; }

    public static string FoldFile(int fold) => $"fold-{fold + 1}.zip";

    /// <summary>The set in <c>&lt;models&gt;/text-grade</c>, or null when the folder has none.</summary>
    /// <exception cref="ModelLoadException">The folder is there but its training list cannot be read.</exception>
    public static TextGradeModelSet? FromModelsDirectory(string modelsDirectory)
    {
        var directory = Path.Combine(modelsDirectory, FolderName);
        var training = Path.Combine(directory, TrainingFile);
        if (!File.Exists(training) || !File.Exists(Path.Combine(directory, FullModelFile))) return null;
        var foldOfFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var reader = new StreamReader(training);
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            foreach (var row in csv.GetRecords<TrainingRow>())
                foldOfFile[row.file_sha256] = row.fold;
        }
        catch (Exception e) when (e is CsvHelperException or IOException)
        {
            throw new ModelLoadException($"the text-grade models' {training} cannot be read: {e.Message}", e);
        }
        return new TextGradeModelSet(directory, foldOfFile, VersionOf(directory));
    }

    private static GradeTextModel LoadModel(string path)
    {
        try
        {
            return GradeTextModel.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new ModelLoadException($"the text-grade model {path} cannot be loaded: {e.Message}", e);
        }
    }

    /// <summary>The models' version: a hash of the training reports and their out-of-fold predictions, so retraining on the same data gives the same version.</summary>
    public static string VersionOf(string directory) =>
        "text-grade-" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, TrainingFile))))[..12];

    /// <summary>The grade probabilities of a report, and whether they come from a fold model that held its council out.</summary>
    public (float[] Probabilities, bool HeldOut) Predict(LeadershipText report)
    {
        var heldOut = _foldOfFile.TryGetValue(report.FileSha256, out var fold);
        return (_models[heldOut ? fold + 1 : 0].Value.Probabilities(report), heldOut);
    }

    /// <summary>Writes the set: the full model, the fold models and their out-of-fold predictions.</summary>
    public static void Write(string directory, GradeTextModel full, GradeTextEvaluation evaluation)
    {
        Directory.CreateDirectory(directory);
        full.Save(Path.Combine(directory, FullModelFile));
        for (var fold = 0; fold < evaluation.FoldModels.Count; fold++) evaluation.FoldModels[fold].Save(Path.Combine(directory, FoldFile(fold)));
        using var writer = new StreamWriter(Path.Combine(directory, TrainingFile), false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(evaluation.Predictions.OrderBy(p => p.Report.FileSha256, StringComparer.Ordinal).Select(p => new TrainingRow
        {
            file_sha256 = p.Report.FileSha256,
            report_id = p.Report.ReportId,
            council = p.Report.Council,
            grade = p.Report.Grade ?? "",
            fold = p.Fold,
            predicted = p.Predicted,
            p_outstanding = Math.Round(p.Probabilities[0], 4),
            p_good = Math.Round(p.Probabilities[1], 4),
            p_requires_improvement = Math.Round(p.Probabilities[2], 4),
            p_inadequate = Math.Round(p.Probabilities[3], 4),
        }));
    }

    // The CSV's columns, named as they are written.
#pragma warning disable IDE1006
    private sealed class TrainingRow
    {
        public string file_sha256 { get; set; } = "";
        public string report_id { get; set; } = "";
        public string council { get; set; } = "";
        public string grade { get; set; } = "";
        public int fold { get; set; }
        public string predicted { get; set; } = "";
        public double p_outstanding { get; set; }
        public double p_good { get; set; }
        public double p_requires_improvement { get; set; }
        public double p_inadequate { get; set; }
    }
#pragma warning restore IDE1006
}
