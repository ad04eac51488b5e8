using JudgementMiner.Ingestion;
using JudgementMiner.Nlp;

namespace JudgementMiner.Evaluation;

/// <summary>A sentence boundary the splitter and the gold set disagree on.</summary>
public sealed record BoundaryMiss(string Report, string Kind, string Context);

public sealed record SentenceScores(int Paragraphs, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<BoundaryMiss> Misses)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A paragraph whose section the detector and the reader disagree on.</summary>
public sealed record SectionMiss(string Report, int Page, string Expected, string Actual, int Sentences, string Text);

public sealed record SectionScores(int Reports, int Sentences, int Correct, IReadOnlyList<SectionMiss> Misses, IReadOnlyList<string> UnmatchedStarts)
{
    public double Accuracy => Sentences == 0 ? 0 : (double)Correct / Sentences;
}

/// <summary>
/// Scores the NLP stage against the hand-checked gold set: sentence boundaries (precision, recall, F1 over the
/// boundaries inside each gold paragraph) and sections (the share of sentences whose paragraph is put in the section
/// the reader decided).
/// </summary>
public static class SegmentationEvaluator
{
    public static SentenceScores ScoreSentences(IReadOnlyList<GoldParagraph> gold)
    {
        int tp = 0, fp = 0, fn = 0;
        var misses = new List<BoundaryMiss>();
        foreach (var paragraph in gold)
        {
            var expected = paragraph.Boundaries().ToHashSet();
            var predicted = SentenceSplitter.Split(paragraph.Paragraph);
            var actual = new HashSet<int>();
            for (var i = 0; i < predicted.Count - 1; i++) actual.Add(predicted[i].Start + predicted[i].Length);
            foreach (var b in actual)
            {
                if (expected.Contains(b)) tp++;
                else { fp++; misses.Add(new BoundaryMiss(paragraph.Report, "split that the reader did not make", Context(paragraph.Paragraph, b))); }
            }
            foreach (var b in expected.Where(b => !actual.Contains(b)))
            {
                fn++;
                misses.Add(new BoundaryMiss(paragraph.Report, "missed a reader's split", Context(paragraph.Paragraph, b)));
            }
        }
        return new SentenceScores(gold.Count, tp, fp, fn, misses);
    }

    /// <summary>Runs ingestion and the NLP stage on each gold report found under <paramref name="corpusDirectory"/>.</summary>
    public static SectionScores ScoreSections(IReadOnlyList<GoldSections> gold, string corpusDirectory, Pipeline.Pipeline pipeline, CancellationToken cancellationToken = default)
    {
        int total = 0, correct = 0, reports = 0;
        var misses = new List<SectionMiss>();
        var unmatched = new List<string>();
        foreach (var report in gold)
        {
            var path = Path.Combine(corpusDirectory, report.Report);
            if (!File.Exists(path)) { unmatched.Add($"{report.Report}: PDF not found"); continue; }
            var ingested = pipeline.Ingestor.Ingest(path, cancellationToken);
            if (ingested.Text is null || ingested.Facts is null) { unmatched.Add($"{report.Report}: {ingested.Error}"); continue; }
            reports++;
            var document = pipeline.Nlp.Run(ingested.Text, ingested.Facts, cancellationToken);
            var expected = GoldSectionPerParagraph(document, report, unmatched);
            foreach (var paragraph in document.Paragraphs)
            {
                // Short headings are labels, never sentences: they do not count, as they are not extracts.
                if (SentenceSplitter.IsBareHeading(paragraph.Source)) continue;
                var text = document.TextOf(paragraph);
                var sentences = Math.Max(1, SentenceSplitter.Split(text).Count);
                var want = expected[paragraph.Index];
                var got = Comparable(document.Sections[paragraph.SectionIndex].Section.Canonical());
                // Front matter and contents pages that both sides leave out are not scored: they hold no extracts.
                if (want is "front" or "contents" && got is "front" or "contents") continue;
                total += sentences;
                if (want == got) correct += sentences;
                else misses.Add(new SectionMiss(report.Report, paragraph.Source.FirstPage, want, got, sentences, text.Length > 120 ? text[..120] + "…" : text));
            }
        }
        return new SectionScores(reports, total, correct, misses, unmatched);
    }

    /// <summary>The publisher's back page is "back" to the detector and "other" in the gold set.</summary>
    private static string Comparable(string section) => section == "back" ? "other" : section;

    private static string[] GoldSectionPerParagraph(Document document, GoldSections report, List<string> unmatched)
    {
        var result = new string[document.Paragraphs.Count];
        var current = "front";
        var next = 0;
        for (var i = 0; i < document.Paragraphs.Count; i++)
        {
            var paragraph = document.Paragraphs[i];
            // A start whose text is no longer a paragraph start (e.g. a footnote now kept out of the text) is skipped
            // once a later start matches.
            for (var k = next; k < report.Starts.Count; k++)
            {
                var start = report.Starts[k];
                if (paragraph.Source.FirstPage == start.Page && document.TextOf(paragraph).StartsWith(start.StartsWith, StringComparison.Ordinal))
                {
                    for (var skipped = next; skipped < k; skipped++)
                        unmatched.Add($"{report.Report}: no paragraph starts with '{report.Starts[skipped].StartsWith}' (p{report.Starts[skipped].Page})");
                    current = start.Section;
                    next = k + 1;
                    break;
                }
            }
            result[i] = current;
        }
        for (var k = next; k < report.Starts.Count; k++)
            unmatched.Add($"{report.Report}: no paragraph starts with '{report.Starts[k].StartsWith}' (p{report.Starts[k].Page})");
        return result;
    }

    private static string Context(string text, int offset)
    {
        var from = Math.Max(0, offset - 50);
        var to = Math.Min(text.Length, offset + 40);
        return text[from..offset] + " ‖ " + text[offset..to].TrimStart();
    }
}
