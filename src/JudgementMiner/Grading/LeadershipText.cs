using JudgementMiner.Ingestion;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Grading;

/// <summary>
/// What the text-implied grade model reads of one report: the sentences of its leadership section with every
/// grade statement removed, and the share of those sentences the stance model called positive, negative, mixed and
/// neutral. <see cref="Grade"/> is the awarded leadership grade (the label), or null. <see cref="Council"/> groups the
/// reports of one local authority for cross-validation (its code, else its name, else the report).
/// </summary>
public sealed record LeadershipText(string ReportId, string FileSha256, string? LocalAuthority, string Council, string? Grade, string Text, float[] StanceShares, int Sentences, int Removed)
{
    public const string LeadershipSection = "leadership";

    /// <summary>One <see cref="LeadershipText"/> per processed report that has a leadership section.</summary>
    public static IReadOnlyList<LeadershipText> FromDataset(IEnumerable<ReportRow> reports, IEnumerable<ExtractRow> extracts)
    {
        var bySection = extracts.Where(e => e.Section == LeadershipSection).GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.ToList());
        var texts = new List<LeadershipText>();
        foreach (var report in reports.Where(r => r.IsOk).GroupBy(r => r.ReportId).Select(g => g.First()))
        {
            if (!bySection.TryGetValue(report.ReportId, out var sentences)) continue;
            texts.Add(Of(new ReportIdentity(report.ReportId, report.FileSha256, report.LocalAuthority, report.LaCode, report.GradeLeadership),
                sentences.Select(s => new StancedSentence(s.Text, s.Stance))));
        }
        return texts;
    }

    /// <summary>The model's reading of one report's leadership-section sentences (grade statements are removed here).</summary>
    public static LeadershipText Of(ReportIdentity report, IEnumerable<StancedSentence> leadershipSection)
    {
        var sentences = leadershipSection.ToList();
        var kept = sentences.Where(s => !GradeStatementFilter.StatesGrade(s.Text)).ToList();
        var shares = new float[Themes.Stances.Length];
        foreach (var sentence in kept)
        {
            var index = sentence.Stance is null ? -1 : Array.IndexOf(Themes.Stances, sentence.Stance);
            if (index >= 0) shares[index] += 1f / Math.Max(1, kept.Count);
        }
        return new LeadershipText(report.ReportId, report.FileSha256, report.LocalAuthority, report.LaCode ?? report.LocalAuthority ?? report.ReportId,
            report.GradeLeadership, string.Join(' ', kept.Select(s => s.Text)), shares, kept.Count, sentences.Count - kept.Count);
    }
}

/// <summary>Who a report is, as the text-implied grade needs it: ids, council and the awarded leadership grade.</summary>
public sealed record ReportIdentity(string ReportId, string FileSha256, string? LocalAuthority, string? LaCode, string? GradeLeadership);

/// <summary>A sentence with the stance the tagger gave it (null when untagged).</summary>
public readonly record struct StancedSentence(string Text, string? Stance);
