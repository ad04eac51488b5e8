using JudgementMiner.Ingestion.Facts;

namespace JudgementMiner.Tests;

/// <summary>The printed inspection-date shapes found in the corpus (survey §3), start = earliest day, end = latest.</summary>
public class DateTextTests
{
    [Theory]
    // ILACS
    [InlineData("Inspection dates: 6 to 17 December 2021", "2021-12-06", "2021-12-17")]
    [InlineData("Inspection dates: 8 October 2018 to 19 October 2018", "2018-10-08", "2018-10-19")]
    [InlineData("Inspection dates: 17 March to 21 March 2025", "2025-03-17", "2025-03-21")]
    [InlineData("Inspection dates: 8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019", "2019-07-08", "2019-08-08")]
    [InlineData("Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025", "2024-09-30", "2025-01-16")]
    [InlineData("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15")]
    [InlineData("Inspection dates: 02 March 2020 to 06 March 2020", "2020-03-02", "2020-03-06")]
    // pre2013
    [InlineData("Inspection dates: 15-19 July 2013", "2013-07-15", "2013-07-19")]
    // SIF
    [InlineData("Inspection date: 2 June 2014 – 25 June 2014", "2014-06-02", "2014-06-25")]
    [InlineData("Inspection date: 2 June 2014 to 25 June 2014", "2014-06-02", "2014-06-25")]
    [InlineData("Inspection date: 14 April – 8 May 2015", "2015-04-14", "2015-05-08")]
    [InlineData("Inspection date: 13 April to 8 May 2015", "2015-04-13", "2015-05-08")]
    [InlineData("Inspection date: 05 July 2016–27 July 2016", "2016-07-05", "2016-07-27")]
    [InlineData("Inspection date: 2 June 2014 - 25 June 2014", "2014-06-02", "2014-06-25")]
    [InlineData("Inspection date: 14 April–8 May 2015", "2015-04-14", "2015-05-08")]
    [InlineData("Inspection date: 2 June 2014- 25 June 2014", "2014-06-02", "2014-06-25")]
    [InlineData("Inspection date: 7 March 2017 ─ 29 March 2017", "2017-03-07", "2017-03-29")]
    [InlineData("Inspection date: 6 to 30 July 2015", "2015-07-06", "2015-07-30")]
    [InlineData("Inspection date: 12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06")]
    [InlineData("Inspection date: 28 July 2016", "2016-07-28", "2016-07-28")]
    [InlineData("Inspection dates: 19 November-11 December 2013 and 28 – 30 January 2014", "2013-11-19", "2014-01-30")]
    // a range over the new year where only the end prints the year
    [InlineData("Inspection dates: 29 December to 9 January 2015", "2014-12-29", "2015-01-09")]
    public void ParseRange_reads_every_printed_shape(string text, string start, string end)
    {
        var range = DateText.ParseRange(text);
        Assert.NotNull(range);
        Assert.Equal(DateOnly.Parse(start), range.Value.Start);
        Assert.Equal(DateOnly.Parse(end), range.Value.End);
    }

    [Theory]
    [InlineData("Report published: 25/11/2016", "2016-11-25")]
    [InlineData("Report published: 3 February 2015", "2015-02-03")]
    [InlineData("Published: 23 August 2013", "2013-08-23")]
    [InlineData("children's services inspection - 19 october 2012", "2012-10-19")]
    [InlineData("children's services inspection,  pdf - 23 august 2013", "2013-08-23")]
    public void ParseSingle_reads_publication_dates_and_file_names(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DateText.ParseSingle(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Inspection dates:")]
    [InlineData("Lead inspector: Sarah Canto, His Majesty’s Inspector")]
    [InlineData("31 February 2020")]
    public void Text_without_a_valid_date_gives_none(string text)
    {
        Assert.Null(DateText.ParseRange(text));
        Assert.Null(DateText.ParseSingle(text));
    }

    [Fact]
    public void ParseAll_keeps_printed_order_and_fills_missing_month_and_year()
    {
        var dates = DateText.ParseAll("5 to 9 December 2022 and 14 to 15 February 2023");
        Assert.Equal([new DateOnly(2022, 12, 5), new DateOnly(2022, 12, 9), new DateOnly(2023, 2, 14), new DateOnly(2023, 2, 15)], dates);
    }
}
