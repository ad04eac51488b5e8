using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>The first pages of a report as the fact readers see them: lines, and the text joined with newlines.</summary>
public sealed class FrontPage
{
    /// <summary>How many pages the front matter and the judgement table can spread over.</summary>
    public const int PagesRead = 2;

    public FrontPage(ReportText text)
    {
        Lines = text.Pages.Take(PagesRead).SelectMany(p => p.Lines).ToList();
        FirstPageLines = text.Pages.Count > 0 ? text.Pages[0].Lines : [];
        Text = string.Join("\n", Lines.Select(l => l.Text));
        FirstPageText = string.Join("\n", FirstPageLines.Select(l => l.Text));
        var dateLine = FirstPageLines.ToList().FindIndex(l => l.Text.Contains("nspection date", StringComparison.OrdinalIgnoreCase));
        var titleLines = dateLine > 0 ? dateLine : Math.Min(FirstPageLines.Count, TitleLinesWithoutDates);
        TitleText = string.Join("\n", FirstPageLines.Take(titleLines).Select(l => l.Text));
    }

    /// <summary>Without an inspection-date line, the title is taken to be within this many first lines.</summary>
    private const int TitleLinesWithoutDates = 12;

    /// <summary>The first page above the inspection-date line: the council's name and the report's title.</summary>
    public string TitleText { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    public IReadOnlyList<TextLine> FirstPageLines { get; }

    public string Text { get; }

    public string FirstPageText { get; }
}
