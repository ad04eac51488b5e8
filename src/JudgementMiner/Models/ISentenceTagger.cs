namespace JudgementMiner.Models;

/// <summary>
/// Stage 4, sentence tagging: themes, a probability per theme, and a stance for each sentence. Implementations are
/// shared across threads. Default: the shipped <see cref="ThemeModel"/> (loaded on first use through
/// <see cref="LazySentenceTagger"/>); <see cref="KeywordTagger"/> is the baseline it must beat.
/// </summary>
public interface ISentenceTagger
{
    /// <summary>Names the tagger and its weights: the <c>model_version</c> of every row it tags.</summary>
    string Version { get; }

    /// <summary>One result per sentence, in order.</summary>
    IReadOnlyList<SentenceTags> Tag(IReadOnlyList<SentenceInput> sentences);
}

/// <summary>The keyword baseline as a tagger: a theme when its lexicon matches (probability 1, else 0), the cue-word stance.</summary>
public sealed class KeywordTagger : ISentenceTagger
{
    public string Version => "keyword-baseline-1";

    public IReadOnlyList<SentenceTags> Tag(IReadOnlyList<SentenceInput> sentences) => sentences.Select(Tag).ToList();

    private static SentenceTags Tag(SentenceInput sentence)
    {
        var themes = KeywordBaseline.Themes(sentence.Text);
        var stance = KeywordBaseline.Stance(sentence.Text);
        return new SentenceTags(Themes.All.Where(themes.Contains).ToList(), Themes.All.ToDictionary(t => t, t => themes.Contains(t) ? 1f : 0f), stance, 1f)
        {
            StanceProbabilities = Themes.Stances.Select(s => s == stance ? 1f : 0f).ToArray(),
        };
    }
}

/// <summary>
/// A tagger whose weights are loaded on first use (or by <see cref="Load"/>, ahead of time): a run that finds nothing
/// new to tag never pays the second the shipped models take to load, and its version is known without loading.
/// </summary>
public sealed class LazySentenceTagger(string version, Func<ISentenceTagger> load) : ISentenceTagger
{
    private readonly Lazy<ISentenceTagger> tagger = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Version { get; } = version;

    /// <summary>Loads the weights now; throws what loading throws (for example <see cref="ModelLoadException"/>).</summary>
    public ISentenceTagger Load() => tagger.Value;

    public IReadOnlyList<SentenceTags> Tag(IReadOnlyList<SentenceInput> sentences) => tagger.Value.Tag(sentences);
}
