using System.Text.RegularExpressions;

namespace JudgementMiner.Nlp;

/// <summary>
/// Marks the leadership and governance extracts. The rule: every sentence of the leadership section; and, in the
/// summary and the improvements list, each sentence that names a leadership or governance subject (leaders, senior
/// or political leadership, managers as a body, members and councillors, scrutiny, corporate parenting, the
/// council's strategic partnerships and boards, performance management and quality assurance, the workforce).
/// Sentences of the judgement sections on practice (help and protection, children in care, care leavers, adoption)
/// and of the LSCB review are not leadership extracts: their leadership content is the leadership section's subject.
/// Letters have no leadership section: there, each sentence of the overview, the improvements and the findings that
/// names such a subject is an extract.
/// </summary>
public sealed partial class LeadershipExtractSelector : IProcess
{
    public static LeadershipExtractSelector Instance { get; } = new();

    public string Name => "leadership-extracts";

    public void Process(Document document, CancellationToken cancellationToken)
    {
        foreach (var sentence in document.Sentences)
        {
            var section = document.SectionOf(sentence).Section;
            sentence.IsLeadershipExtract = section == Section.Leadership
                || (section is Section.Summary or Section.Improvements or Section.Findings && LeadershipSubject().IsMatch(document.TextOf(sentence)));
        }
    }

    /// <summary>True when a sentence names a leadership or governance subject (see the class summary).</summary>
    public static bool NamesLeadershipSubject(string sentence) => LeadershipSubject().IsMatch(sentence);

    [GeneratedRegex(@"\b(leaders?|leadership|senior manage(rs|ment)|managers|management oversight|governance|elected members?|members|councillors?|lead member|chief executive|director of children|DCS|corporate(ly)? parent(s|ing)?|scrutiny|scrutinise|challenge|accountab\w*|partnerships?|partners|safeguarding (children )?(board|partnership)|health and wellbeing board|performance (management|information|data)|quality assurance|audits?|self-assessment|self-evaluation|workforce|recruit\w*|retention|caseloads?|agency (staff|workers|social workers)|strategy|strategic|political|council)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadershipSubject();
}
