using JudgementMiner.Ingestion;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Ingestion.Facts.Letters;
using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Tests.Letters;

/// <summary>The codebook's rules for letters (section 4), each on the sentence shapes the letters print.</summary>
public class LetterRuleTests
{
    private static ReportText Text(params string[] paragraphs) =>
        new([], paragraphs.Select(p => new Paragraph(p, p.EndsWith('.') ? ParagraphKind.Body : ParagraphKind.Heading, 1, 1, null, 12, false, [])).ToList());

    private static readonly SourceFile Source = new("/corpus/80553_slough/children's services focused visit - 12 july 2024.pdf", new string('0', 64), new DateOnly(2024, 7, 12));

    [Fact]
    public void A_monitoring_visit_letter_is_recognised_and_not_read_as_another_kind()
    {
        var facts = new DocumentFactsExtractor().Extract(Text("12 July 2024", "Dear Ms Smith", "Monitoring visit to Slough children's services",
            "This letter summarises the findings of the monitoring visit to Slough children's services on 2 and 3 July 2024."), Source);

        Assert.Equal(InspectionType.Other, facts.InspectionType);
        Assert.False(facts.IsReadable);
        Assert.Contains("monitoring visit", facts.NotReadBecause);
    }

    [Fact]
    public void A_title_is_a_short_paragraph_not_prose_that_mentions_a_visit()
    {
        var prose = "Focused visit to Slough children's services was followed by " + string.Join(' ', Enumerable.Repeat("further work with partners", 15)) + ".";
        Assert.Null(LetterTitleReader.Instance.Read(Text(prose)));
    }

    [Fact]
    public void A_trust_named_in_the_title_is_matched_to_its_council()
    {
        var facts = new DocumentFactsExtractor().Extract(Text("22 February 2022", "Focused visit to Slough Children First",
            "This letter summarises the findings of a focused visit to Slough children's services on 18 January 2022."), Source);

        Assert.Equal("Slough Children First", facts.Provider);
        Assert.Equal("871", LocalAuthorityLookup.Shipped.Match(facts.LocalAuthority)?.LaCode);
        Assert.Equal(new DateOnly(2022, 1, 18), facts.InspectionStart);
        Assert.Equal(new DateOnly(2022, 2, 22), facts.PublicationDate);
    }

    [Fact]
    public void Visit_days_printed_without_a_year_take_the_letters_year()
    {
        var facts = new DocumentFactsExtractor().Extract(Text("22 February 2018", "Focused visit to Coventry City Council children's services",
            "This letter summarises the findings of a focused visit to Coventry City Council children's services on 30 and 31 January."), Source);

        Assert.Equal(new DateOnly(2018, 1, 30), facts.InspectionStart);
        Assert.Equal(new DateOnly(2018, 1, 31), facts.InspectionEnd);
    }

    [Theory]
    [InlineData("Inspectors looked at the local authority's arrangements for 'front door' services, including decisions to step up or down from early help.", "front_door")]
    [InlineData("Inspectors looked at the local authority's arrangements for children subject to a child protection plan, with a particular focus on pre-proceedings interventions.", "help_and_protection")]
    [InlineData("Inspectors reviewed the local authority's arrangements to support care leavers and children looked after who are eligible for care leaving services.", "care_leavers")]
    [InlineData("Inspectors looked at the local authority's arrangements for the protection of vulnerable children from extra-familial risk.", "other")]
    [InlineData("Inspectors looked at the local authority's arrangements for children in care, including disabled children.", "children_in_care;disabled_children")]
    public void Focused_visit_themes_follow_the_codebook(string focus, string expected)
    {
        Assert.Equal(expected, string.Join(';', VisitThemeReader.Instance.Read(InspectionType.FocusedVisit, focus)));
    }

    [Theory]
    [InlineData("Joint targeted area inspection of the multi-agency response to abuse and neglect in Bristol This JTAI also included a 'deep dive' focus on children who have been neglected.", "neglect")]
    [InlineData("The multi-agency response to abuse and neglect in Sefton. This inspection included a 'deep dive' focus on the response to children's mental health.", "mental_health")]
    [InlineData("Joint targeted area inspection of the multi-agency response to children experiencing or at risk of exploitation, including sexual and criminal exploitation, in Halton", "criminal_exploitation;sexual_exploitation")]
    [InlineData("Joint targeted area inspection of the multi-agency response to identification of initial need and risk in Barnsley", "other")]
    public void Joint_inspection_themes_are_the_deep_dive_not_the_umbrella(string focus, string expected)
    {
        Assert.Equal(expected, string.Join(';', VisitThemeReader.Instance.Read(InspectionType.Jtai, focus)));
    }

    [Fact]
    public void No_areas_for_priority_action_counts_zero_and_a_list_counts_its_items()
    {
        var none = Text("Areas for priority action", "There are no areas for priority action.");
        var two = new ReportText([], [
            new Paragraph("Areas for priority action", ParagraphKind.Heading, 1, 1, null, 12, true, []),
            new Paragraph("Leadership", ParagraphKind.Heading, 1, 1, null, 12, true, []),
            new Paragraph("The timeliness of strategy meetings.", ParagraphKind.Bullet, 1, 1, null, 12, false, []),
            new Paragraph("Management oversight of plans.", ParagraphKind.Bullet, 1, 1, null, 12, false, []),
            new Paragraph("What needs to improve in this area of social work practice?", ParagraphKind.Body, 1, 1, null, 12, true, []),
            new Paragraph("Supervision.", ParagraphKind.Bullet, 1, 1, null, 12, false, []),
        ]);

        Assert.Equal(0, PriorityActionCounter.Instance.Count(none));
        Assert.Equal(2, PriorityActionCounter.Instance.Count(two));
        Assert.Equal(0, PriorityActionCounter.Instance.Count(Text("Main findings", "Leaders know their services well.")));
    }
}
