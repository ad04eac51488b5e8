using System.Text.RegularExpressions;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>
/// Reads the publication date: the first printed "Report published:" or "Published:" date where the report has one
/// (SIF and earlier). ILACS reports print none, so the date in the file name is used, as Ofsted names its downloads
/// "... - 9 May 2025.pdf" by publication date. Returns null when neither exists.
/// </summary>
public sealed partial class PublicationDateReader
{
    public static PublicationDateReader Instance { get; } = new();

    public DateOnly? Read(FrontPage front, DateOnly? fileNameDate)
    {
        foreach (var line in front.Lines)
        {
            var label = Label().Match(line.Text);
            if (!label.Success) continue;
            var date = DateText.ParseSingle(line.Text[(label.Index + label.Length)..]);
            if (date is not null) return date;
        }
        return fileNameDate;
    }

    [GeneratedRegex(@"(report\s+published|published|publication\s+date|date\s+of\s+publication)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
