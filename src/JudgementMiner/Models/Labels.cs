namespace JudgementMiner.Models;

/// <summary>The themes of the codebook (../shared/docs/codebook.md), in the order of the Parquet probability columns.</summary>
public static class Themes
{
    public static readonly string[] All =
        ["leadership", "scrutiny", "corporate_parenting", "partnerships", "performance_management", "workforce", "voice_of_child", "sufficiency"];

    public static readonly string[] Stances = ["positive", "negative", "mixed", "neutral"];

    public static bool IsTheme(string name) => Array.IndexOf(All, name) >= 0;

    public static bool IsStance(string name) => Array.IndexOf(Stances, name) >= 0;
}

/// <summary>
/// One labelled sentence: what a reader decided under the codebook, with where the sentence comes from and the sentence
/// before it in its paragraph (context for the models; "" for a paragraph's first sentence).
/// </summary>
public sealed record LabelledSentence(
    string Id,
    string ReportId,
    string LocalAuthority,
    string Framework,
    string Section,
    string Text,
    IReadOnlySet<string> Themes,
    string Stance,
    string Annotator,
    string Previous = "")
{
    public bool Has(string theme) => Themes.Contains(theme);

    /// <summary>What the models read for this sentence.</summary>
    public SentenceInput Input() => SentenceInput.From(Text, Section, Previous);
}
