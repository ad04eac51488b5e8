using JudgementMiner.Grading;

namespace JudgementMiner.Models;

/// <summary>
/// The models of a folder: their version at once, the models themselves on first use. A run that finds nothing new
/// to tag never pays the second it takes to load them.
/// </summary>
public sealed class ThemeModelSource
{
    private readonly Lazy<ThemeModel> model;

    private ThemeModelSource(string version, Func<ThemeModel> load, TextGradeModelSet? textGrade = null)
    {
        Version = version;
        TextGrade = textGrade;
        model = new Lazy<ThemeModel>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The theme and stance models' version (the <c>model_version</c> of every tagged row).</summary>
    public string Version { get; }

    /// <summary>The text-implied grade models of the folder (<c>text-grade/</c>), or null when it has none.</summary>
    public TextGradeModelSet? TextGrade { get; }

    /// <summary>What a dataset records to know whether its rows are up to date: both model versions.</summary>
    public string DatasetVersion => TextGrade is null ? Version : $"{Version}+{TextGrade.Version}";

    public ThemeModel Model => model.Value;

    /// <exception cref="FileNotFoundException">The folder has no thresholds.json.</exception>
    public static ThemeModelSource FromDirectory(string directory) => new(ThemeModel.ReadVersion(directory), () =>
    {
        try
        {
            return ThemeModel.Load(directory);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new ModelLoadException($"the models in {directory} cannot be loaded: {e.Message}", e);
        }
    }, TextGradeModelSet.FromModelsDirectory(directory));

    public static ThemeModelSource FromModel(ThemeModel loaded) => new(loaded.Version, () => loaded);
}

/// <summary>The models' folder was found but a model in it cannot be loaded.</summary>
public sealed class ModelLoadException(string message, Exception inner) : Exception(message, inner);
