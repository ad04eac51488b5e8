using System.Text.RegularExpressions;
using JudgementMiner.Ingestion.Facts;
using JudgementMiner.Output;

namespace JudgementMiner.Evaluation;

/// <summary>Accuracy per field over the documents the field applies to, and every miss.</summary>
public sealed record LetterEvaluation(
    int Documents,
    int MissingFromDataset,
    IReadOnlyDictionary<string, (int Correct, int Total)> ByField,
    IReadOnlyList<Disagreement> Misses)
{
    public double Accuracy(string field) => ByField.TryGetValue(field, out var c) && c.Total > 0 ? (double)c.Correct / c.Total : 1;
}

/// <summary>
/// Compares a dataset's letters with the readers' truth (<c>data/truth/letters_dev.csv</c>). Documents are matched by
/// their path tail "&lt;la folder&gt;/&lt;file&gt;". Each field is scored only where it applies: visit themes on focused
/// visits and joint inspections, the SEND outcome on area SEND inspections, the council on every readable document.
/// Lists (themes, inspectors) are compared as sets; texts (focus, provider) after folding case, quotes, dashes and spaces.
/// </summary>
public static partial class LetterEvaluator
{
    public static readonly string[] Fields =
    [
        "inspection_type", "framework", "la_code", "inspection_start", "inspection_end", "publication_date", "visit_themes",
        "priority_actions", "send_outcome", "visit_focus", "inspectors", "provider",
    ];

    public static LetterEvaluation Evaluate(IEnumerable<ReportRow> rows, IReadOnlyList<LetterTruthRow> truth)
    {
        var byKey = new Dictionary<string, ReportRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var directory = Path.GetFileName(Path.GetDirectoryName(row.SourcePath)) ?? "";
            byKey[directory + "/" + Path.GetFileName(row.SourcePath)] = row;
        }
        var counts = Fields.ToDictionary(f => f, _ => (Correct: 0, Total: 0));
        var misses = new List<Disagreement>();
        var missing = 0;
        foreach (var expected in truth)
        {
            byKey.TryGetValue(expected.File, out var row);
            if (row is null) missing++;
            var type = expected.Value("inspection_type");
            foreach (var field in Fields)
            {
                if (!Applies(field, type)) continue;
                var want = Normalise(field, expected.Value(field));
                var got = row is null ? "<missing>" : Normalise(field, Actual(row, field));
                var ok = want == got;
                counts[field] = (counts[field].Correct + (ok ? 1 : 0), counts[field].Total + 1);
                if (!ok) misses.Add(new Disagreement(expected.File, field, want, got));
            }
        }
        return new LetterEvaluation(truth.Count, missing, counts, misses);
    }

    private static bool Applies(string field, string type) => field switch
    {
        "visit_themes" or "visit_focus" => type is "focused_visit" or "jtai",
        "send_outcome" => type == "area_send",
        "la_code" or "provider" or "inspectors" or "inspection_start" or "inspection_end" or "priority_actions" => type != "other",
        _ => true,
    };

    private static string Actual(ReportRow row, string field) => field switch
    {
        "inspection_type" => row.InspectionType ?? "",
        "framework" => row.Framework,
        "la_code" => row.LaCode ?? "",
        "inspection_start" => row.InspectionStart?.ToString("yyyy-MM-dd") ?? "",
        "inspection_end" => row.InspectionEnd?.ToString("yyyy-MM-dd") ?? "",
        "publication_date" => row.PublicationDate?.ToString("yyyy-MM-dd") ?? "",
        "visit_themes" => string.Join(';', row.VisitThemes ?? []),
        "priority_actions" => row.PriorityActions?.ToString() ?? "",
        "send_outcome" => row.SendOutcome ?? "",
        "visit_focus" => row.VisitFocus ?? "",
        "inspectors" => string.Join(';', row.Inspectors ?? []),
        "provider" => row.Provider ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string Normalise(string field, string value)
    {
        value = value.Trim();
        return field switch
        {
            "visit_themes" or "inspectors" => string.Join(';', value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => Fold(v)).Order(StringComparer.Ordinal)),
            "visit_focus" => Fold(value),
            "provider" => LocalAuthorityLookup.Fold(value),
            _ => value,
        };
    }

    /// <summary>Lower case, straight quotes, no bullet signs, hyphens as printed joined ("decision- making"), single spaces.</summary>
    private static string Fold(string text)
    {
        var folded = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('–', '-').Replace('—', '-');
        folded = Bullets().Replace(folded, " ");
        folded = string.Join(' ', folded.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return BrokenHyphen().Replace(folded, "-").TrimEnd('.', ' ');
    }

    [GeneratedRegex(@"[◼•▪●]")]
    private static partial Regex Bullets();

    [GeneratedRegex(@"- (?=[a-z])")]
    private static partial Regex BrokenHyphen();
}
