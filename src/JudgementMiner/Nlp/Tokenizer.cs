using System.Text.RegularExpressions;

namespace JudgementMiner.Nlp;

/// <summary>
/// Splits every sentence into tokens with character offsets: words (with inner hyphens and apostrophes, so
/// "well-established" and "children's" stay whole), numbers (with decimals, thousands and a percent sign) and single
/// punctuation marks. The models read these.
/// </summary>
public sealed partial class Tokenizer : IProcess
{
    public static Tokenizer Instance { get; } = new();

    public string Name => "tokens";

    public void Process(Document document, CancellationToken cancellationToken)
    {
        foreach (var sentence in document.Sentences)
        {
            sentence.FirstToken = document.Tokens.Count;
            foreach (Match token in Token().Matches(document.Text.AsSpan(sentence.Start, sentence.Length).ToString()))
                document.Tokens.Add(new TokenSpan(sentence.Start + token.Index, token.Length));
            sentence.TokenCount = document.Tokens.Count - sentence.FirstToken;
        }
    }

    /// <summary>The tokens of a piece of text, for callers outside a document (such as tagging one sentence).</summary>
    public static IEnumerable<string> Tokens(string text) => Token().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*%?|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\d]")]
    private static partial Regex Token();
}
