using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads the local authority as the report names it: from an ILACS title ("Inspection of Dorset local authority
/// children's services"); else the large-type line(s) printed just above the title ("Warrington Borough Council" /
/// "Inspection of children's social care services"); else, when the title comes first (reports before 2013), the
/// block just below it ("Medway Council").
/// </summary>
public sealed partial class LocalAuthorityNameReader
{
    public static LocalAuthorityNameReader Instance { get; } = new();

    public string? Read(FrontPage front)
    {
        var title = IlacsTitle().Match(string.Join(' ', front.TitleText.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        if (title.Success && !title.Groups["la"].Value.Equals("local authority", StringComparison.OrdinalIgnoreCase))
        {
            // "Inspection of the London Borough of Ealing local authority ...": the name is without "the".
            var named = Tidy(title.Groups["la"].Value);
            return named.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? named[4..] : named;
        }

        var lines = front.FirstPageLines;
        var titleIndex = -1;
        for (var i = 0; i < lines.Count && titleIndex < 0; i++)
            if (TitleStart().IsMatch(lines[i].Text)) titleIndex = i;
        if (titleIndex < 0) return null;

        if (titleIndex > 0)
        {
            // The block of same-size lines ending just above the title.
            var block = new List<string>();
            var size = lines[titleIndex - 1].FontSize;
            for (var i = titleIndex - 1; i >= 0 && Math.Abs(lines[i].FontSize - size) < 0.5; i--) block.Insert(0, lines[i].Text);
            return Tidy(string.Join(' ', block));
        }

        // Title first: skip the title's own block, then take the next block.
        var titleSize = lines[0].FontSize;
        var start = 0;
        while (start < lines.Count && Math.Abs(lines[start].FontSize - titleSize) < 0.5) start++;
        if (start >= lines.Count) return null;
        var nextSize = lines[start].FontSize;
        var name = new List<string>();
        for (var i = start; i < lines.Count && Math.Abs(lines[i].FontSize - nextSize) < 0.5 && name.Count < 3; i++) name.Add(lines[i].Text);
        return Tidy(string.Join(' ', name));
    }

    /// <summary>Single spaces and straight apostrophes.</summary>
    private static string Tidy(string text) =>
        string.Join(' ', text.Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd(',', '.');

    [GeneratedRegex(@"^inspection of (?<la>.+?) (local authority )?children[’']s services", RegexOptions.IgnoreCase)]
    private static partial Regex IlacsTitle();

    [GeneratedRegex(@"^(inspection of|re-?inspection of|review of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStart();
}
