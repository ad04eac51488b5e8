using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Parses the dates printed in reports: "8 July 2019", "17 March to 21 March 2025", "15-19 July 2013",
/// "12/09/2016 to 06/10/2016", and two-period inspections ("5 to 9 December 2022 and 14 to 15 February 2023").
/// </summary>
public static partial class DateText
{
    private const string Month = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";

    /// <summary>The first full date in the text, or null.</summary>
    public static DateOnly? ParseSingle(string text)
    {
        var dates = ParseAll(text);
        return dates.Count > 0 ? dates[0] : null;
    }

    /// <summary>
    /// Every date in the text, in order. A day printed without its month or year ("17 March to 21 March 2025",
    /// "6 to 17 December 2021") takes them from the next date that prints them.
    /// </summary>
    public static IReadOnlyList<DateOnly> ParseAll(string text)
    {
        var parts = new List<(int Day, int? Month, int? Year)>();
        foreach (Match match in DatePart().Matches(text))
        {
            if (match.Groups["nd"].Success)
            {
                parts.Add((int.Parse(match.Groups["nd"].Value), int.Parse(match.Groups["nm"].Value), int.Parse(match.Groups["ny"].Value)));
                continue;
            }
            var month = match.Groups["m"].Success ? MonthNumber(match.Groups["m"].Value) : null;
            var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value) : (int?)null;
            parts.Add((int.Parse(match.Groups["d"].Value), month, year));
        }

        var dates = new List<DateOnly>();
        for (var i = 0; i < parts.Count; i++)
        {
            var (day, month, year) = parts[i];
            for (var j = i + 1; j < parts.Count && (month is null || year is null); j++)
            {
                month ??= parts[j].Month;
                year ??= parts[j].Year;
            }
            if (month is null || year is null) continue;
            if (day < 1 || month < 1 || month > 12 || day > DateTime.DaysInMonth(year.Value, month.Value)) continue;
            var date = new DateOnly(year.Value, month.Value, day);
            // "29 December to 9 January 2015": a start that borrowed its year cannot be after the end.
            if (parts[i].Year is null && dates.Count == 0 && i + 1 < parts.Count && parts[i + 1].Year is { } nextYear
                && parts[i + 1].Month is { } nextMonth && month > nextMonth && year == nextYear)
                date = date.AddYears(-1);
            dates.Add(date);
        }
        return dates;
    }

    /// <summary>The earliest and latest date in the text: an inspection's first and last day, over all its periods.</summary>
    public static (DateOnly Start, DateOnly End)? ParseRange(string text)
    {
        var dates = ParseAll(text);
        return dates.Count == 0 ? null : (dates.Min(), dates.Max());
    }

    private static int? MonthNumber(string month)
    {
        var prefix = month[..3].ToLowerInvariant();
        var names = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
        for (var i = 0; i < 12; i++)
            if (names[i].Equals(prefix, StringComparison.OrdinalIgnoreCase)) return i + 1;
        return null;
    }

    // Either a numeric day/month/year, or a day with an optional month name and optional year.
    [GeneratedRegex(@"\b(?:(?<nd>\d{1,2})/(?<nm>\d{1,2})/(?<ny>(?:19|20)\d\d)|(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?<m>" + Month + @")\b\.?)?(?:,?\s+(?<y>(?:19|20)\d\d)\b)?)(?!\d|/)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePart();
}
