using JudgementMiner.Grading;

namespace JudgementMiner.Models;

/// <summary>
/// The shipped models of one folder, as the pipeline's stages: the theme and stance tagger (loaded on first use) and,
/// when the folder has <c>text-grade/</c>, the text-implied grade predictor. Their versions are known at once.
/// </summary>
public sealed class ThemeModelSource
{
    private ThemeModelSource(LazySentenceTagger tagger, TextGradeModelSet? textGrade)
    {
        Tagger = tagger;
        TextGrade = textGrade;
    }

    /// <summary>The theme and stance models, loaded on first use.</summary>
    public LazySentenceTagger Tagger { get; }

    /// <summary>The text-implied grade models of the folder (<c>text-grade/</c>), or null when it has none.</summary>
    public TextGradeModelSet? TextGrade { get; }

    /// <summary>The theme and stance models' version (the <c>model_version</c> of every tagged row).</summary>
    public string Version => Tagger.Version;

    /// <summary>The loaded theme and stance model.</summary>
    public ThemeModel Model => (ThemeModel)Tagger.Load();

    /// <summary>Finds the models: the folder given, else "models" in the working folder, else "models" beside the program; null when there are none.</summary>
    public static string? Find(string? given)
    {
        if (given is not null) return given;
        foreach (var candidate in new[] { Path.Combine(Environment.CurrentDirectory, "models"), Path.Combine(AppContext.BaseDirectory, "models") })
            if (File.Exists(Path.Combine(candidate, ThemeModel.ThresholdsFile))) return candidate;
        return null;
    }

    /// <exception cref="FileNotFoundException">The folder has no thresholds.json.</exception>
    public static ThemeModelSource FromDirectory(string directory) =>
        new(new LazySentenceTagger(ThemeModel.ReadVersion(directory), () => LoadThemeModel(directory)), TextGradeModelSet.FromModelsDirectory(directory));

    /// <summary>The theme and stance model alone (without the text-grade models).</summary>
    /// <exception cref="ModelLoadException">It is missing or cannot be read; the message names the folder.</exception>
    public static ThemeModel LoadThemeModel(string directory)
    {
        try
        {
            return ThemeModel.Load(directory);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or InvalidOperationException
                                      or FormatException or System.Text.Json.JsonException)
        {
            throw new ModelLoadException($"the models in {directory} cannot be loaded: {e.Message}", e);
        }
    }

    public static ThemeModelSource FromModel(ThemeModel loaded) => new(new LazySentenceTagger(loaded.Version, () => loaded), null);
}

/// <summary>The models' folder was found but a model in it cannot be loaded.</summary>
public sealed class ModelLoadException(string message, Exception inner) : Exception(message, inner);
