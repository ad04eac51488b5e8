using System.Text.RegularExpressions;

namespace JudgementMiner.Models;

/// <summary>
/// The comparison the models must beat: a short, sensible lexicon per theme (the codebook's "typical words"), and
/// for stance a few cue phrases. A sentence gets a theme when it contains a word of the theme's lexicon.
/// </summary>
public static class KeywordBaseline
{
    public static readonly IReadOnlyDictionary<string, Regex> Lexicons = new Dictionary<string, Regex>
    {
        ["leadership"] = Lexicon(@"leaders?|leadership|director of children|DCS|chief executive|lead member|senior managers?|improvement plan|self-assessment|vision|ambition|investment|budget"),
        ["scrutiny"] = Lexicon(@"scrutin\w*|challenge\w*|hold\w* (\w+ )?to account|elected members|councillors?|oversight by members|improvement board|peer review"),
        ["corporate_parenting"] = Lexicon(@"corporate parent\w*|corporate parenting (board|panel|strategy)|champions?|local offer|council tax"),
        ["partnerships"] = Lexicon(@"partners?|partnerships?|multi-agency|LSCB|safeguarding (children )?(board|partnership)|police|health|schools|health and wellbeing board"),
        ["performance_management"] = Lexicon(@"performance|data|dashboards?|quality assurance|audits?|management information|scorecards?|line of sight|learning culture"),
        ["workforce"] = Lexicon(@"caseloads?|recruit\w*|retention|retain|agency (staff|workers|social workers)|vacanc\w*|workforce|training|newly qualified|supervision|morale|staff turnover"),
        ["voice_of_child"] = Lexicon(@"voice of the child|children's views|participation|children in care council|advoca\w*|young people's forum|co-produc\w*|listen\w*"),
        ["sufficiency"] = Lexicon(@"sufficiency|commission\w*|placement (availability|choice)|in-house|foster carer recruitment|recruit\w* foster|residential"),
    };

    private static readonly Regex Negative = Lexicon(@"not|too many|too few|lack\w*|weak\w*|poor\w*|insufficient\w*|inconsistent\w*|limited|delay\w*|ensure|improve|variable|gaps?|shortfall|inadequate|deficit\w*");
    private static readonly Regex Positive = Lexicon(@"strong\w*|effective\w*|good|well|robust\w*|improved|improving|outstanding|positive\w*|success\w*|clear\w*|high[- ]quality|comprehensive|skilled|committed|ambitious");

    private static readonly Regex Contrast = Lexicon(@"but|however|although|though|while|whilst|despite|yet|except|nevertheless");
    private static readonly Regex Number = new(@"\d", RegexOptions.Compiled);
    private static readonly Regex Recommendation = new(@"^\s*(ensure|improve|strengthen|develop|review|increase|reduce|take action)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>Counts of stance cues in a sentence, used as model features.</summary>
    public static (int Positive, int Negative, int Contrast, int Numbers, bool Recommendation) StanceCues(string text) =>
        (Positive.Count(text), Negative.Count(text), Contrast.Count(text), Number.Count(text), Recommendation.IsMatch(text));

    public static IReadOnlySet<string> Themes(string text) => Lexicons.Where(kv => kv.Value.IsMatch(text)).Select(kv => kv.Key).ToHashSet();

    public static string Stance(string text)
    {
        var negative = Negative.IsMatch(text);
        var positive = Positive.IsMatch(text);
        return (positive, negative) switch
        {
            (true, true) => "mixed",
            (true, false) => "positive",
            (false, true) => "negative",
            _ => "neutral",
        };
    }

    private static Regex Lexicon(string words) => new($@"\b({words})\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);
}
