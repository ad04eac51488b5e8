using System.Text.RegularExpressions;

namespace JudgementMiner.Grading;

/// <summary>
/// Recognises sentences and headings that state a grade, so the text-implied grade model never reads the answer.
/// Removed: any sentence with a grade word that is only ever a grade in these reports ("outstanding", "inadequate",
/// "adequate", "requires improvement"); any that talks about judgements or grades; any where "good" is said of
/// something ("... is good", "judged good", a heading ending ": good", "getting to good"); and any short line with
/// "good" in it. "Good" before a noun in a sentence ("good practice", "a good service") stays: that is the
/// inspectors' evaluative language the model is meant to read.
/// </summary>
public static partial class GradeStatementFilter
{
    public static bool StatesGrade(string sentence) =>
        UnambiguousGradeWord().IsMatch(sentence) || JudgementWord().IsMatch(sentence) || GoodAsPredicate().IsMatch(sentence)
        || (Good().IsMatch(sentence) && WordCount(sentence) <= ShortSentenceWords);

    /// <summary>
    /// A short line with "good" in it is a heading more often than a sentence, and headings can come out of the PDF
    /// with the grade in the middle ("Leadership, management and Good governance").
    /// </summary>
    private const int ShortSentenceWords = 8;

    private static int WordCount(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\bgood\b", RegexOptions.IgnoreCase)]
    private static partial Regex Good();

    [GeneratedRegex(@"\b(outstanding|inadequate|adequate|requires?\s+improvement|required\s+improvement)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnambiguousGradeWord();

    [GeneratedRegex(@"\b(judge(d|ment|ments|ement)?|grade[sd]?|graded|overall\s+effectiveness)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JudgementWord();

    /// <summary>"is good", "are now good", "remain consistently good", "as good", ": good", "good." at the end.</summary>
    [GeneratedRegex(@"(\b(is|are|was|were|be|been|being|remains?|remained|become|became|as)\s+(\w+\s+){0,2}good\b(?!\s+(practice|quality|progress|examples?|use|work|relationships?|support|understanding|knowledge|evidence|outcomes?|access|links?)\b))|(:\s*good\b)|(\bgood\s*\.?\s*$)|(\bto\s+good\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex GoodAsPredicate();
}
