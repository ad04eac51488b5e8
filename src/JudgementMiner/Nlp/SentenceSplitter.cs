namespace JudgementMiner.Nlp;

/// <summary>
/// Splits each extracted paragraph into sentences. A sentence ends at '.', '?' or '!' (with any closing quotes or
/// brackets) followed by a space and a capital, digit or opening quote, except after an abbreviation ("e.g.",
/// "i.e.", "Cllr.", "No. 5", "approx."), an initial ("J. Smith"), or inside a number ("2.5%"). A colon never ends a
/// sentence, so a list it introduces stays with it. Headings without a final stop are one sentence.
/// </summary>
public sealed class SentenceSplitter : IProcess
{
    public static SentenceSplitter Instance { get; } = new();

    public string Name => "sentences";

    /// <summary>Words that end with a full stop inside a sentence (compared lower-case, without the final stop).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "eg", "i.e", "ie", "cf", "vs", "viz", "cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "rev", "st", "no", "nos",
        "approx", "para", "paras", "fig", "vol", "pp", "p", "ref", "dept", "govt", "inc", "ltd", "co", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "hmi", "a.m", "p.m", "min", "max", "est", "incl",
    };

    /// <summary>Abbreviations that can also end a sentence: they end one when a capital follows ("... and so on, etc. The").</summary>
    private static readonly HashSet<string> SentenceFinalAbbreviations = new(StringComparer.OrdinalIgnoreCase) { "etc", "hmi", "a.m", "p.m" };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        foreach (var paragraph in document.Paragraphs)
        {
            var section = document.Sections[paragraph.SectionIndex].Section;
            if (!section.IsExtracted() || IsBareHeading(paragraph.Source)) continue;
            var text = document.TextOf(paragraph);
            foreach (var (start, length) in Split(text))
            {
                document.Sentences.Add(new SentenceSpan(document.Sentences.Count, paragraph.Index, paragraph.Start + start, length,
                    paragraph.Source.PageAt(start)));
            }
        }
    }

    /// <summary>Fewer words than this make a heading a label ("Executive summary"), kept as section_heading, not a sentence.</summary>
    private const int MinHeadingSentenceWords = 6;

    /// <summary>A short heading is a label, not a sentence: it is kept as section_heading only.</summary>
    public static bool IsBareHeading(Ingestion.Text.Paragraph paragraph) =>
        paragraph.Kind == Ingestion.Text.ParagraphKind.Heading
        && paragraph.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinHeadingSentenceWords;

    /// <summary>The sentences of one paragraph, as (start, length) pairs with surrounding spaces trimmed.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var sentences = new List<(int, int)>();
        var start = SkipSpaces(text, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '?' or '!')) continue;
            var end = i + 1;
            while (end < text.Length && IsCloser(text[end])) end++;
            if (end >= text.Length || !char.IsWhiteSpace(text[end])) continue; // "2.5", "e.g.," or the paragraph's end
            var next = SkipSpaces(text, end);
            if (next >= text.Length) break;
            if (TrailingTagEnd(text, next) is { } tagEnd)
            {
                // "... within timescales. (Recommendation)" stays one sentence, which ends after the tag.
                var resume = SkipSpaces(text, tagEnd);
                if (resume >= text.Length) break;
                sentences.Add((start, TrimEnd(text, start, tagEnd) - start));
                start = resume;
                i = resume - 1;
                continue;
            }
            if (!StartsSentence(text[next])) continue;
            if (c == '.' && !IsSentenceFinalStop(text, i, text[next])) continue;
            if (c == '.' && IsListNumber(text, start, i)) continue; // "1. Ensure that ..."
            sentences.Add((start, TrimEnd(text, start, end) - start));
            start = next;
            i = next - 1;
        }
        if (start < text.Length)
        {
            var end = TrimEnd(text, start, text.Length);
            if (end > start) sentences.Add((start, end - start));
        }
        return sentences;
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> ends a sentence, judging by the word it closes.</summary>
    private static bool IsSentenceFinalStop(string text, int dot, char nextStart)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '‘' or '“' or '"' or '\'')) wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // an initial: "J. Smith"
        if (Abbreviations.Contains(word))
            return SentenceFinalAbbreviations.Contains(word) && char.IsUpper(nextStart) && !IsNumberedReference(word);
        // "U.K." and other dotted initialisms: a capital after them usually starts a name, not a sentence.
        if (word.Length <= 5 && word.Contains('.') && word.All(ch => char.IsLetter(ch) || ch == '.')) return false;
        return true;
    }

    /// <summary>
    /// A bracketed tag after a sentence's stop, with no sentence of its own inside ("(Recommendation)",
    /// "(outcome 3, national framework)"), that ends the paragraph or is followed by a new sentence.
    /// </summary>
    /// <returns>Where the tag ends (after its closing bracket and any stop), or null when there is no such tag.</returns>
    private static int? TrailingTagEnd(string text, int open)
    {
        if (text[open] != '(') return null;
        var close = text.IndexOf(')', open);
        if (close < 0 || close - open > 80 || text.IndexOf(". ", open, close - open, StringComparison.Ordinal) >= 0) return null;
        var after = close + 1;
        if (after < text.Length && text[after] == '.') after++;
        if (after >= text.Length) return after;
        var resume = SkipSpaces(text, after);
        return char.IsWhiteSpace(text[after]) && resume < text.Length && StartsSentence(text[resume]) ? after : null;
    }

    /// <summary>A sentence that so far is only a list number ("1.", "(a).", "2.1.") has not ended.</summary>
    private static bool IsListNumber(string text, int sentenceStart, int dot)
    {
        var head = text[sentenceStart..dot].Trim('(', ')', ' ');
        return head.Length is > 0 and <= 4 && head.All(ch => char.IsAsciiDigit(ch) || ch == '.' || char.IsAsciiLetterLower(ch));
    }

    private static bool IsNumberedReference(string word) => word.Equals("no", StringComparison.OrdinalIgnoreCase);

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '‘' or '“' or '"' or '\'' or '(' or '[' or '•';

    private static bool IsCloser(char c) => c is '’' or '”' or '"' or '\'' or ')' or ']';

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
        return index;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
