using System.Text.RegularExpressions;

namespace JudgementMiner.Models;

/// <summary>
/// The comparison the models must beat: a short, sensible lexicon per theme (the codebook's "typical words"), and
/// for stance a few cue phrases. A sentence gets a theme when it contains a word of the theme's lexicon.
/// </summary>
public static partial class KeywordBaseline
{
    public static readonly IReadOnlyDictionary<string, Regex> Lexicons = new Dictionary<string, Regex>
    {
        ["leadership"] = LeadershipWords(),
        ["scrutiny"] = ScrutinyWords(),
        ["corporate_parenting"] = CorporateParentingWords(),
        ["partnerships"] = PartnershipsWords(),
        ["performance_management"] = PerformanceManagementWords(),
        ["workforce"] = WorkforceWords(),
        ["voice_of_child"] = VoiceOfChildWords(),
        ["sufficiency"] = SufficiencyWords(),
    };

    private static readonly Regex Negative = NegativeWords();
    private static readonly Regex Positive = PositiveWords();

    private static readonly Regex Contrast = ContrastWords();
    private static readonly Regex Number = Digit();
    private static readonly Regex Recommendation = RecommendationOpening();

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

    // Source-generated: the regexes are compiled with the program, not at run time (compiling thirteen of them cost
    // 0.8 s at the start of every tagged run).
    [GeneratedRegex(@"\b(leaders?|leadership|director of children|DCS|chief executive|lead member|senior managers?|improvement plan|self-assessment|vision|ambition|investment|budget)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadershipWords();

    [GeneratedRegex(@"\b(scrutin\w*|challenge\w*|hold\w* (\w+ )?to account|elected members|councillors?|oversight by members|improvement board|peer review)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScrutinyWords();

    [GeneratedRegex(@"\b(corporate parent\w*|corporate parenting (board|panel|strategy)|champions?|local offer|council tax)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CorporateParentingWords();

    [GeneratedRegex(@"\b(partners?|partnerships?|multi-agency|LSCB|safeguarding (children )?(board|partnership)|police|health|schools|health and wellbeing board)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartnershipsWords();

    [GeneratedRegex(@"\b(performance|data|dashboards?|quality assurance|audits?|management information|scorecards?|line of sight|learning culture)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerformanceManagementWords();

    [GeneratedRegex(@"\b(caseloads?|recruit\w*|retention|retain|agency (staff|workers|social workers)|vacanc\w*|workforce|training|newly qualified|supervision|morale|staff turnover)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkforceWords();

    [GeneratedRegex(@"\b(voice of the child|children's views|participation|children in care council|advoca\w*|young people's forum|co-produc\w*|listen\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VoiceOfChildWords();

    [GeneratedRegex(@"\b(sufficiency|commission\w*|placement (availability|choice)|in-house|foster carer recruitment|recruit\w* foster|residential)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SufficiencyWords();

    [GeneratedRegex(@"\b(not|too many|too few|lack\w*|weak\w*|poor\w*|insufficient\w*|inconsistent\w*|limited|delay\w*|ensure|improve|variable|gaps?|shortfall|inadequate|deficit\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeWords();

    [GeneratedRegex(@"\b(strong\w*|effective\w*|good|well|robust\w*|improved|improving|outstanding|positive\w*|success\w*|clear\w*|high[- ]quality|comprehensive|skilled|committed|ambitious)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PositiveWords();

    [GeneratedRegex(@"\b(but|however|although|though|while|whilst|despite|yet|except|nevertheless)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastWords();

    [GeneratedRegex(@"\d", RegexOptions.None)]
    private static partial Regex Digit();

    [GeneratedRegex(@"^\s*(ensure|improve|strengthen|develop|review|increase|reduce|take action)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationOpening();
}
