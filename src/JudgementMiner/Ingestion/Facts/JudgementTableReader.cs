using JudgementMiner.Ingestion.Text;

namespace JudgementMiner.Ingestion.Facts;

/// <summary>A grade read from the judgement table, with the row label it was printed against.</summary>
public sealed record TableGrade(Judgement Judgement, Grade Grade, string Label);

/// <summary>
/// Reads the judgement table on the front pages by layout: every cell that is exactly a grade ("Good",
/// "Requires improvement to be good", wrapped or not) is paired with the row label printed to its left within its
/// row band, whether the grade sits on the label's first line or between two wrapped label lines.
/// </summary>
public sealed class JudgementTableReader
{
    public static JudgementTableReader Instance { get; } = new();

    /// <summary>A lone grade line counts as a table cell only when it starts this far right (points): a column, not prose.</summary>
    private const double GradeColumnMinimumLeft = 250;

    /// <summary>How far from its grade a label line may stand, in font sizes (wrapped labels reach one line either side).</summary>
    private const double NearLabelInFontSizes = 1.4;

    /// <summary>Words starting within this distance (points) of a grade cell's left edge are in the grade column.</summary>
    private const double ColumnTolerance = 12;

    /// <summary>How far above or below the first and last grade cells a wrapped label may reach, in font sizes.</summary>
    private const double OpenBandInFontSizes = 1.6;

    public IReadOnlyList<TableGrade> Read(FrontPage front)
    {
        var lines = SplitTrailingGrades(front.Lines);
        var cells = FindGradeCells(lines);
        var grades = new List<TableGrade>();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var previous = i > 0 && cells[i - 1].Page == cell.Page ? cells[i - 1] : null;
            var next = i + 1 < cells.Count && cells[i + 1].Page == cell.Page ? cells[i + 1] : null;
            var top = previous is null ? cell.Top + cell.FontSize * OpenBandInFontSizes : (previous.Bottom + cell.Top) / 2;
            var bottom = next is null ? cell.Bottom - cell.FontSize * OpenBandInFontSizes : (cell.Bottom + next.Top) / 2;

            // A label line belongs to the row band and stands close to the grade (not a neighbouring row whose own
            // grade is "Not judged" and so has no cell).
            top = Math.Min(top, cell.Top + cell.FontSize * NearLabelInFontSizes);
            bottom = Math.Max(bottom, cell.Bottom - cell.FontSize * NearLabelInFontSizes);
            var label = string.Join(" ", lines
                .Where(l => l.Page == cell.Page && l.Baseline < top && l.Baseline > bottom)
                .SelectMany(l => l.Segments)
                .Where(s => s.Right <= cell.Left + 1 && !cells.Any(c => c.Contains(s)))
                .Select(s => s.Text));
            var judgement = JudgementLabels.Match(label);
            if (judgement is not null) grades.Add(new TableGrade(judgement.Value, cell.Grade, label));
        }
        return grades;
    }

    /// <summary>
    /// When a long row label runs up to its grade, PdfPig's word gaps do not separate them ("... care leavers Requires
    /// improvement"). Such a trailing grade phrase is split off into a segment of its own when it starts in a grade
    /// column that clean cells on the same pages establish.
    /// </summary>
    private static IReadOnlyList<TextLine> SplitTrailingGrades(IReadOnlyList<TextLine> lines)
    {
        var columns = lines.SelectMany((l, i) => l.Segments.Select((s, k) => (Line: l, Segment: s, Index: k)))
            .Where(x => x.Segment.Left >= GradeColumnMinimumLeft && (GradeNames.ParsePrinted(x.Segment.Text) is not null || IsGradePrefix(x.Segment.Text)))
            .Select(x => x.Segment.Left).ToList();
        if (columns.Count == 0) return lines;

        var result = new List<TextLine>(lines.Count);
        foreach (var line in lines)
        {
            var last = line.Segments[^1];
            var split = -1;
            for (var w = 1; w < last.Words.Count && split < 0; w++)
            {
                var word = last.Words[w];
                if (!columns.Any(c => Math.Abs(c - word.Left) <= ColumnTolerance)) continue;
                var tail = string.Join(" ", last.Words.Skip(w).Select(x => x.Text));
                if (GradeNames.ParsePrinted(tail) is not null || IsGradeFragment(tail)) split = w;
            }
            if (split < 0)
            {
                result.Add(line);
                continue;
            }
            var segments = line.Segments.Take(line.Segments.Count - 1)
                .Append(new LineSegment(last.Words.Take(split).ToList()))
                .Append(new LineSegment(last.Words.Skip(split).ToList()))
                .ToList();
            result.Add(line with { Segments = segments });
        }
        return result;
    }

    private static List<GradeCell> FindGradeCells(IReadOnlyList<TextLine> lines)
    {
        var cells = new List<GradeCell>();
        var used = new HashSet<LineSegment>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            for (var s = 0; s < line.Segments.Count; s++)
            {
                var segment = line.Segments[s];
                if (used.Contains(segment) || !IsCellCandidate(line, s)) continue;
                var parts = new List<LineSegment> { segment };
                var baselines = new List<double> { line.Baseline };
                var text = segment.Text;
                // A grade wrapped in its column ("Requires" / "improvement", "Requires improvement to" / "be good"),
                // sometimes with a label line printed between the two halves.
                for (var j = i + 1; j < lines.Count && j <= i + 2 && IsGradePrefix(text) && !IsComplete(text); j++)
                {
                    var below = lines[j].Segments.FirstOrDefault(b => b.Left >= GradeColumnMinimumLeft && IsGradePrefix(text + " " + b.Text));
                    if (below is null) continue;
                    text += " " + below.Text;
                    parts.Add(below);
                    baselines.Add(lines[j].Baseline);
                }
                var grade = GradeNames.ParsePrinted(text);
                if (grade is null) continue;
                foreach (var part in parts) used.Add(part);
                cells.Add(new GradeCell(line.Page, grade.Value, baselines[0], baselines[^1], parts.Max(p => p.Left), line.FontSize, parts));
            }
        }
        return cells;
    }

    /// <summary>
    /// A grade cell stands right of its row label, or alone on its line in the grade column. A lone fragment such as
    /// "Requires" may also sit at the left margin when the PDF places the grade's first word there.
    /// </summary>
    private static bool IsCellCandidate(TextLine line, int segmentIndex)
    {
        if (segmentIndex > 0) return true;
        if (line.Segments.Count > 1) return false;
        var segment = line.Segments[0];
        if (segment.Left >= GradeColumnMinimumLeft) return true;
        return IsGradePrefix(segment.Text) && !IsComplete(segment.Text) && GradeNames.ParsePrinted(segment.Text) is null;
    }

    private static bool IsComplete(string text) => JudgementLabels.Normalise(text).TrimEnd('.').EndsWith("good", StringComparison.Ordinal);

    /// <summary>Whole words of "requires improvement to be good", such as a wrapped line's "to be good".</summary>
    private static bool IsGradeFragment(string text)
    {
        var normalised = " " + JudgementLabels.Normalise(text).TrimEnd('.') + " ";
        return normalised.Length > 2 && (" requires improvement to be good ".Contains(normalised, StringComparison.Ordinal)
                                         || " require improvement to be good ".Contains(normalised, StringComparison.Ordinal));
    }

    private static bool IsGradePrefix(string text)
    {
        var normalised = JudgementLabels.Normalise(text).TrimEnd('.');
        return "requires improvement to be good".StartsWith(normalised, StringComparison.Ordinal)
               || "require improvement to be good".StartsWith(normalised, StringComparison.Ordinal);
    }

    private sealed record GradeCell(int Page, Grade Grade, double Top, double Bottom, double Left, double FontSize, List<LineSegment> Parts)
    {
        public bool Contains(LineSegment segment) => Parts.Any(p => ReferenceEquals(p, segment));
    }
}
