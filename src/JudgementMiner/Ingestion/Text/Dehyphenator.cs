namespace JudgementMiner.Ingestion.Text;

/// <summary>
/// Decides whether a word broken by a hyphen at a line end is one word ("assess-" + "ment" = "assessment") or a
/// hyphenated compound ("well-" + "established"). The evidence is the report's own vocabulary: a form seen whole
/// elsewhere in the report wins; otherwise a second part that is a bare suffix means the word was split.
/// </summary>
public sealed class Dehyphenator
{
    // Fragments that are not words on their own: a line-end split before them breaks one word.
    private static readonly string[] SuffixFragments =
    [
        "ment", "ments", "tion", "tions", "sion", "sions", "ness", "ity", "ities", "ing", "ings", "ance", "ances",
        "ence", "ences", "ive", "ively", "ful", "fully", "ally", "ated", "ation", "ations", "ised", "ises", "ising",
        "ized", "izing", "ical", "ically", "ous", "ously", "ible", "able", "ably", "ibly", "ism", "ist", "ists", "ure",
        "ures", "ency", "ancy", "ial", "ially", "ent", "ents", "ant", "ants", "ed", "es", "er", "ers", "ly", "al",
    ];

    private readonly HashSet<string> _vocabulary;

    /// <param name="vocabulary">Lower-case words seen in the report away from line ends (hyphenated compounds included).</param>
    public Dehyphenator(HashSet<string> vocabulary) => _vocabulary = vocabulary;

    /// <summary>Joins the end of one line (ending in "word-") to the start of the next.</summary>
    /// <returns>The two joined, with the hyphen kept for a compound and dropped for a split word.</returns>
    public string Join(string before, string after)
    {
        // before ends with "-" preceded by a letter; after starts with a lower-case letter.
        var headStart = before.LastIndexOf(' ', before.Length - 2) + 1;
        var head = before[headStart..^1];
        var tailEnd = after.IndexOf(' ');
        var tail = tailEnd < 0 ? after : after[..tailEnd];
        var tailWord = tail.TrimEnd('.', ',', ';', ':', ')', '?', '!', '’', '\'', '"', '”');
        var joined = (head + tailWord).ToLowerInvariant();
        var hyphenated = (head + "-" + tailWord).ToLowerInvariant();

        bool keepHyphen;
        if (_vocabulary.Contains(hyphenated)) keepHyphen = true;
        else if (_vocabulary.Contains(joined)) keepHyphen = false;
        else if (head.Contains('-')) keepHyphen = true; // "day-to-" + "day"
        else keepHyphen = !IsSuffixFragment(tailWord.ToLowerInvariant());

        return keepHyphen ? before + after : before[..^1] + after;
    }

    private static bool IsSuffixFragment(string tail) => Array.IndexOf(SuffixFragments, tail) >= 0;

    /// <summary>True when a line ending and the next line's start look like a word broken by a hyphen.</summary>
    public static bool IsBrokenWord(string before, string after) =>
        before.Length >= 3 && before[^1] == '-' && char.IsLetter(before[^2]) && after.Length > 0 && char.IsLower(after[0]);
}
