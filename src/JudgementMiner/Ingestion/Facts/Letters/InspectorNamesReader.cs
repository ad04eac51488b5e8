using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>
/// Reads the inspectors a letter names: "His Majesty's Inspectors for this visit were Tracey Ledder and Joy Howick",
/// "The inspectors were John Roughton, HMI, and Andy Waugh, HMI", and an area SEND report's "Inspection team" list
/// ("Leanne Thirlby, Ofsted HMI Lead inspector Daniel Carrick, CQC Lead inspector"). Titles are dropped.
/// </summary>
public sealed partial class InspectorNamesReader
{
    public static InspectorNamesReader Instance { get; } = new();

    /// <summary>The inspectors named in the opening paragraphs, else in the "Inspection team" section.</summary>
    public IReadOnlyList<string> Read(IReadOnlyList<Paragraph> paragraphs, int firstParagraph)
    {
        for (var i = firstParagraph; i < Math.Min(paragraphs.Count, firstParagraph + OpeningParagraphs); i++)
        {
            foreach (var sentence in LetterSentences.Of(paragraphs[i].Text))
            {
                var match = Were().Match(sentence);
                if (match.Success && Names(sentence[(match.Index + match.Length)..]) is { Count: > 0 } named) return named;
                // "... on 4 and 5 July 2018 by Caroline Walsh and Marcie Taylor, Her Majesty's Inspectors."
                var by = ByInspectors().Match(sentence);
                if (by.Success) return Names(by.Groups["names"].Value);
            }
        }
        var team = -1;
        for (var i = paragraphs.Count - 1; i >= 0; i--)
            if (TeamHeading().IsMatch(paragraphs[i].Text.Trim())) { team = i; break; }
        if (team < 0) return [];
        var names = new List<string>();
        for (var i = team + 1; i < paragraphs.Count && i <= team + 12; i++)
        {
            foreach (Match member in TeamMember().Matches(paragraphs[i].Text))
            {
                var name = TitleWords().Replace(member.Groups["name"].Value.Trim(), "").Trim();
                if (!name.Contains(' ')) continue;
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
            }
        }
        return names;
    }

    /// <summary>The opening paragraphs after the title that may name the inspectors.</summary>
    private const int OpeningParagraphs = 12;

    /// <summary>"Tracey Ledder and Joy Howick", "John Roughton, HMI, and Andy Waugh, HMI": the names, titles removed.</summary>
    private static IReadOnlyList<string> Names(string list)
    {
        var text = AllOfWhom().Replace(list, "").TrimEnd('.', ' ');
        text = Titles().Replace(text, "");
        return Separators().Split(text)
            .Select(n => TitleWords().Replace(n.Trim(' ', ',', '.', '(', ')'), "").Trim(' ', ',', '.'))
            .Where(n => n.Length > 2 && char.IsUpper(n[0]) && n.Contains(' '))
            .ToList();
    }

    [GeneratedRegex(@"\b((inspectors?|inspection team)( \(HMIs?\))?( for (this|the) (focused )?(visit|inspection))?( (were|was|are|is)):?|(visit|inspection) was (carried out|undertaken|conducted|led) by)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Were();

    [GeneratedRegex(@"\bby (?<names>[A-Z][^.]*?),? (Her|His) Majesty[’']s Inspectors?\b")]
    private static partial Regex ByInspectors();

    /// <summary>Titles and roles printed beside a name in an inspection team list: "HMI", "Lead inspector", "Dr", "Mr".</summary>
    [GeneratedRegex(@"^((HMI|Ofsted|CQC|lead|inspector|Mr|Mrs|Ms|Dr|Miss)\.?\s+)+|(\s+(HMI|lead|inspector|designate))+$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\b(((His|Her) Majesty[’']s|HM) Inspectors?( \(HMI\))?|HMIs?|Ofsted Inspectors?|Social Care Regulatory Inspector|Senior HMI|lead inspector|team inspector)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Titles();

    /// <summary>", all of whom are Her Majesty's Inspectors (HMI)": the end of a list, not a name.</summary>
    [GeneratedRegex(@",?\s*(all of whom|both of whom|who) (are|were)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex AllOfWhom();

    [GeneratedRegex(@"\s*,\s*(and\s+|with\s+)?|\s+(and|with)\s+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^inspection team$", RegexOptions.IgnoreCase)]
    private static partial Regex TeamHeading();

    [GeneratedRegex(@"(?<name>[A-Z][\p{L}’'-]+(?: [A-Z][\p{L}’'.-]*){1,3}), (Ofsted|CQC|HMI|HMICFRS|Care Quality Commission|Children[’']s Services Inspector)")]
    private static partial Regex TeamMember();
}
