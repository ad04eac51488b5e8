using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Pipeline;

/// <summary>Fills the theme, probability and stance columns of extract rows with the shipped models, all rows in one scoring pass.</summary>
public sealed class ExtractTagger(ThemeModel model)
{
    public void Tag(IReadOnlyList<ExtractRow> extracts, IReadOnlyList<ReportRow> reports)
    {
        var tags = model.Tag(Enumerable.Range(0, extracts.Count).AsParallel().AsOrdered()
            .Select(i => SentenceInput.From(extracts[i].Text, extracts[i].Section, PreviousInParagraph(extracts, i))).ToList());
        for (var i = 0; i < extracts.Count; i++)
        {
            var row = extracts[i];
            var t = tags[i];
            row.Themes = t.Themes.ToList();
            row.PLeadership = t.Probabilities["leadership"];
            row.PScrutiny = t.Probabilities["scrutiny"];
            row.PCorporateParenting = t.Probabilities["corporate_parenting"];
            row.PPartnerships = t.Probabilities["partnerships"];
            row.PPerformanceManagement = t.Probabilities["performance_management"];
            row.PWorkforce = t.Probabilities["workforce"];
            row.PVoiceOfChild = t.Probabilities["voice_of_child"];
            row.PSufficiency = t.Probabilities["sufficiency"];
            row.Stance = t.Stance;
            row.StanceConfidence = t.StanceConfidence;
            row.ModelVersion = model.Version;
        }
        foreach (var report in reports.Where(r => r.Status == "ok")) report.ModelVersion = model.Version;
    }

    /// <summary>The text of the sentence before row <paramref name="i"/> in the same paragraph, or "" (rows are in report and sentence order).</summary>
    public static string PreviousInParagraph(IReadOnlyList<ExtractRow> extracts, int i) =>
        i > 0 && extracts[i - 1].ReportId == extracts[i].ReportId && extracts[i - 1].ParagraphIndex == extracts[i].ParagraphIndex
            ? extracts[i - 1].Text
            : "";

    /// <summary>
    /// Finds the models: the folder given, else "models" in the working folder, else "models" beside the program.
    /// Returns null when there are none (the dataset is then written without themes).
    /// </summary>
    public static string? FindModels(string? given)
    {
        if (given is not null) return given;
        foreach (var candidate in new[] { Path.Combine(Environment.CurrentDirectory, "models"), Path.Combine(AppContext.BaseDirectory, "models") })
            if (File.Exists(Path.Combine(candidate, ThemeModel.ThresholdsFile))) return candidate;
        return null;
    }
}
