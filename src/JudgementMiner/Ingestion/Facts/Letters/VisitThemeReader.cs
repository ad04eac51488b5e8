using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts.Letters;

/// <summary>
/// Maps a letter's focus statement to the codebook's section 4 values: what a focused visit looked at (front door,
/// help and protection, children in care, care leavers, disabled children, early help) or the theme of a joint
/// targeted area inspection (domestic abuse, exploitation, neglect, ...). The values come from the words of the focus,
/// read as the codebook defines them; a focus that names none of them is <c>other</c>.
/// </summary>
public sealed partial class VisitThemeReader
{
    public static VisitThemeReader Instance { get; } = new();

    public const string Other = "other";

    private static readonly (string Theme, Regex Pattern)[] FocusedVisitThemes =
    [
        ("front_door", FrontDoor()),
        ("help_and_protection", HelpAndProtection()),
        ("children_in_care", ChildrenInCare()),
        ("care_leavers", CareLeavers()),
        ("disabled_children", DisabledChildren()),
        ("early_help", EarlyHelp()),
    ];

    private static readonly (string Theme, Regex Pattern)[] JtaiThemes =
    [
        ("domestic_abuse", DomesticAbuse()),
        ("sexual_exploitation", SexualExploitation()),
        ("criminal_exploitation", CriminalExploitation()),
        ("neglect", Neglect()),
        ("sexual_abuse_family", SexualAbuseFamily()),
        ("mental_health", MentalHealth()),
        ("under_fives", UnderFives()),
        ("serious_youth_violence", SeriousYouthViolence()),
    ];

    /// <summary>
    /// The sorted themes the focus names; empty when there is no focus. Phrases that name a service only as a route
    /// to or from the focus are not a focus of their own: a step up or down to early help, thresholds for early help,
    /// child protection enquiries at the front door, pre-proceedings work (help and protection, not care), children
    /// "eligible" for leaving care services (care leavers), "but not care leavers".
    /// </summary>
    public IReadOnlyList<string> Read(InspectionType type, string? focus)
    {
        if (string.IsNullOrWhiteSpace(focus)) return [];
        var text = LetterTitleReader.Normalise(focus);
        if (type == InspectionType.Jtai)
        {
            // "The multi-agency response to abuse and neglect" was the umbrella of the early joint inspections: their
            // theme is the deep dive's, and "abuse and neglect" alone names no theme.
            text = AbuseAndNeglect().Replace(text, " ");
            var jtai = JtaiThemes.Where(t => t.Pattern.IsMatch(text)).Select(t => t.Theme).ToList();
            if (jtai.Count == 0 || OtherJtaiTopic().IsMatch(text)) jtai.Add(Other);
            jtai.Sort(StringComparer.Ordinal);
            return jtai;
        }
        text = Routes().Replace(FrontDoorContext().Replace(ExtraFamilial().Replace(text, " extra-familial vulnerable adolescents "), " front door "), " ");
        var themes = FocusedVisitThemes.Where(t => t.Pattern.IsMatch(text)).Select(t => t.Theme).ToList();
        if (themes.Count == 0 || OtherVisitTopic().IsMatch(text)) themes.Add(Other);
        themes.Sort(StringComparer.Ordinal);
        return themes;
    }

    /// <summary>
    /// A COVID-19 visit (2020-2021) states no focus: it covers help and protection, children in care and care leavers
    /// (codebook section 4), and each other area a finding is mainly about, read from the finding's opening sentences:
    /// the front door, disabled children, early help, or children's education outside care (<c>other</c>).
    /// </summary>
    /// <summary>How many first words of a finding hold its subject.</summary>
    private const int SubjectWords = 6;

    public IReadOnlyList<string> FromFindings(IEnumerable<string> findingOpenings)
    {
        var themes = new SortedSet<string>(StringComparer.Ordinal) { "help_and_protection", "children_in_care", "care_leavers" };
        foreach (var sentence in findingOpenings)
        {
            var text = Routes().Replace(LetterTitleReader.Normalise(sentence), " ");
            if (FrontDoorService().IsMatch(text)) themes.Add("front_door");
            // A finding about disabled children names them in its first sentence; the front door is often named in the second.
            var first = Routes().Replace(LetterTitleReader.Normalise(LetterSentences.Of(sentence).FirstOrDefault() ?? ""), " ");
            if (DisabledChildren().IsMatch(first)) themes.Add("disabled_children");
            if (Education().IsMatch(text)) themes.Add(Other);
            // Early help is named in passing in many findings; a finding about the service names it as its subject.
            var subject = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(SubjectWords));
            if (EarlyHelp().IsMatch(subject)) themes.Add("early_help");
        }
        return themes.ToList();
    }

    [GeneratedRegex(@"\b(step(s|ping|ped)?[ -]?(up|down|across)( and| or|/)?( step[ -]?(up|down))?|transfer\w*|moves?|movement|transitions?|stepping (up|down)|interface)\b[^.;]{0,40}?\b(to|from|into|out of|between|and|with)\b[^.;]{0,25}?\bearly help\b|\bthresholds? (for|into|between|to) early help\b|\bchild protection enquir(y|ies)\b|\b(pre-proceedings|letter before proceedings|public law outline|edge of care)\b|\b(looked after|in care)( children)?( who are)?( aged 16 and 17)?( who are)? eligible\b|\b(excluding|not including|but not|other than|did not include|does not include|not include)\b[^.;]{0,60}|\bthresholds for children in need and child protection\b")]
    private static partial Regex Routes();

    /// <summary>
    /// "At the first point of contact for children who need help and protection", "contacts and referrals ... for
    /// children in need of help", "the Early Help and Safeguarding Hub", "'front door' services, including ... child
    /// protection enquiries ... assessments": the front door, not help and protection or early help as a focus of their own.
    /// </summary>
    [GeneratedRegex(@"\b(first point of contact|front door|contacts|referrals|thresholds|mash)\b(?:(?!assessments?|plans?|interventions?)[^.;]){0,60}?\bchildren (who need|in need of) help( and protection)?\b|\bearly help( and safeguarding)? hub\b|\bfront door'? (services|arrangements)?,? including\b[^.]*")]
    private static partial Regex FrontDoorContext();

    /// <summary>"The protection of vulnerable children from extra-familial risk", "protecting vulnerable adolescents": a topic of its own (<c>other</c>), not help and protection.</summary>
    [GeneratedRegex(@"\b(protection of|protecting) [^.;]{0,40}?(extra-familial|vulnerable adolescents)\b")]
    private static partial Regex ExtraFamilial();

    [GeneratedRegex(@"\b(the )?(multi-agency )?respon\w* to (all forms of )?abuse(,)? (and|or) neglect\b|\babuse, neglect and exploitation\b")]
    private static partial Regex AbuseAndNeglect();

    /// <summary>Focused visit topics the codebook's values do not name: they add <c>other</c>.</summary>
    [GeneratedRegex(@"\b(vulnerable adolescents|designated officer|lado|private fostering|radicali[sz]ation|homeless|allegations against|positions of trust|adults who work with children|extra-familial)\b")]
    private static partial Regex OtherVisitTopic();

    /// <summary>Joint inspection topics outside the codebook's list (children missing from home, care or education; the first response).</summary>
    [GeneratedRegex(@"\b(identification of initial need and risk|initial need and risk|children and families who need help)\b")]
    private static partial Regex OtherJtaiTopic();

    [GeneratedRegex(@"\b(front door|mash|multi-agency safeguarding hub|contacts? (and|to|into)|referrals? (to|into|and)|first response|initial (contacts?|response|concerns?)|access to support hub|single point of (access|contact)|c-spa|advice and support)\b")]
    private static partial Regex FrontDoorService();

    [GeneratedRegex(@"\b(home education|home-educated|electively home|missing (from )?education|not on (a )?(school )?roll|school attendance|attendance at school|exclusions?|alternative provision)\b")]
    private static partial Regex Education();

    [GeneratedRegex(@"\b(front door|contacts|contact(,| and) referral|referrals?|mash|multi-agency safeguarding hub|first response|initial response|children's advice|duty and assessment|out of hours|emergency duty|single point of (entry|access|contact))\b")]
    private static partial Regex FrontDoor();

    [GeneratedRegex(@"\b(children in need|child in need|child protection|children subject to|need of help and protection|help and protection|children who need help|protection of|protecting|pre-proceedings|letter before proceedings|edge of care)\b")]
    private static partial Regex HelpAndProtection();

    [GeneratedRegex(@"\b(children in care|looked after|permanence|placements?|matching|(?<!pre-)care proceedings|unregistered|unregulated|children we care for|children in our care|children in the care|unaccompanied asylum[- ]seeking children|uasc)\b")]
    private static partial Regex ChildrenInCare();

    [GeneratedRegex(@"\b(care leavers?|leaving care|care-experienced|care experienced)\b")]
    private static partial Regex CareLeavers();

    [GeneratedRegex(@"\b(disabled children|children with (a )?disabilit\w*|children with disabilities|disabled young people|children who are disabled)\b")]
    private static partial Regex DisabledChildren();

    [GeneratedRegex(@"\bearly help\b")]
    private static partial Regex EarlyHelp();

    [GeneratedRegex(@"\bdomestic abuse\b")]
    private static partial Regex DomesticAbuse();

    [GeneratedRegex(@"\b(sexual (and criminal )?exploitation|sexual and other forms of exploitation|cse)\b")]
    private static partial Regex SexualExploitation();

    [GeneratedRegex(@"\b(criminal (and other forms of )?exploitation|(sexual|and) criminal exploitation|exploitation through gangs|associated with gangs)\b")]
    private static partial Regex CriminalExploitation();

    [GeneratedRegex(@"\bneglect(ed)?\b")]
    private static partial Regex Neglect();

    [GeneratedRegex(@"\bsexual abuse in the family\b")]
    private static partial Regex SexualAbuseFamily();

    [GeneratedRegex(@"\bmental (ill )?health\b")]
    private static partial Regex MentalHealth();

    [GeneratedRegex(@"\b(under fives?|under 5|under-fives|aged under five|aged under 5|pre-birth)\b")]
    private static partial Regex UnderFives();

    [GeneratedRegex(@"\bserious youth violence\b")]
    private static partial Regex SeriousYouthViolence();
}
