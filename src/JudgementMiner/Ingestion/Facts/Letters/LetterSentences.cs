using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>Splits a letter paragraph into sentences for the fact readers (a full stop, then a space and a capital or a digit).</summary>
internal static partial class LetterSentences
{
    public static IEnumerable<string> Of(string paragraph) =>
        Boundary().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[A-Za-z0-9)’'][.!?])\s+(?=[A-Z0-9‘'“])")]
    private static partial Regex Boundary();
}
