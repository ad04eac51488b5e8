using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JudgementMiner.Output;
using JudgementMiner.Search;
using Spectre.Console;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer search --dataset DIR [filters] [--query TEXT]</c>: the good-practice finder.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A folder written by 'judgementminer run' (with theme models).", Required = true };
        var themes = ListOption("--theme", "Theme(s), comma-separated: an extract must have at least one (e.g. corporate_parenting).");
        var grades = ListOption("--grade", "Grade(s): outstanding, good, requires_improvement (or RI), adequate, inadequate.");
        var gradeOf = new Option<GradeScope>("--grade-of")
            { Description = "Which grade --grade checks: the extract's own section (default), the report's overall grade, its leadership grade, or the overall grade of the council's latest full inspection on or before the document (last-inspection; for letters).", DefaultValueFactory = _ => GradeScope.Section,
              // "last-inspection", "last_inspection" and "LastInspection" all name GradeScope.LastInspection.
              CustomParser = ParseGradeScope };
        var stances = ListOption("--stance", "Stance(s): positive, negative, mixed, neutral.");
        var frameworks = ListOption("--framework", "Framework(s): ilacs, ilacs_2026, sif, pre2013, jtai, area_send.");
        var types = ListOption("--type", "Document kind(s): inspection, focused_visit, jtai, area_send.");
        var councils = ListOption("--la", "Local authority name(s), or any part of the name as printed (\"Hackney\" finds \"London Borough of Hackney\").");
        var regions = ListOption("--region", "Region(s) (e.g. \"North West\").");
        var from = new Option<DateOnly?>("--from") { Description = "Reports published on or after this date (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Reports published on or before this date (yyyy-mm-dd)." };
        var leadershipOnly = new Option<bool>("--leadership-only") { Description = "Only leadership and governance extracts." };
        var text = new Option<string?>("--query", "-q") { Description = "Free text, ranked by relevance (Lucene syntax: words must all occur; \"a phrase\", OR, NOT)." };
        var limit = new Option<int>("--limit", "-n") { Description = "Hits to show.", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--format", "-f") { Description = "table, csv, json or markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(SearchHitWriter.Formats);
        var command = new Command("search",
            "Find extracts by theme, grade, stance, framework, document kind, date, council and region, optionally ranked by a free-text query. " +
            "The first search of a dataset builds its index in <dataset>/search-index.")
            { dataset, themes, grades, gradeOf, stances, frameworks, types, councils, regions, from, to, leadershipOnly, text, limit, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            var query = new ExtractQuery
            {
                Themes = Split(parse.GetValue(themes)),
                Grades = Split(parse.GetValue(grades)),
                GradeScope = parse.GetValue(gradeOf),
                Stances = Split(parse.GetValue(stances)),
                Frameworks = Split(parse.GetValue(frameworks)),
                InspectionTypes = Split(parse.GetValue(types)),
                LocalAuthorities = Split(parse.GetValue(councils)),
                Regions = Split(parse.GetValue(regions)),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                LeadershipOnly = parse.GetValue(leadershipOnly),
                Text = parse.GetValue(text),
                Limit = Math.Max(1, parse.GetValue(limit)),
            };
            var clock = Stopwatch.StartNew();
            var building = !ExtractSearchIndex.IsCurrentOrMissingDataset(datasetPath);
            if (building) Console.Error.WriteLine($"building the search index of {datasetPath} (once per dataset version)...");
            try
            {
                using var searcher = await ExtractSearcher.OpenAsync(datasetPath, cancellationToken);
                var (hits, total) = searcher.Search(query);
                Write(parse.GetValue(format)!, hits);
                Console.Error.WriteLine($"{total:N0} matching extracts of {searcher.Count:N0}; showing {hits.Count} ({clock.Elapsed.TotalSeconds:0.00} s)");
                return ExitCodes.Ok;
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static GradeScope ParseGradeScope(System.CommandLine.Parsing.ArgumentResult result)
    {
        var value = result.Tokens.Count == 0 ? "section" : result.Tokens[0].Value;
        if (Enum.TryParse<GradeScope>(value.Replace("-", "").Replace("_", ""), ignoreCase: true, out var scope)) return scope;
        result.AddError($"--grade-of: '{value}' is not one of section, overall, leadership, last-inspection");
        return GradeScope.Section;
    }

    private static Option<string[]> ListOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>"--grade good,outstanding" and "--grade good --grade outstanding" mean the same.</summary>
    private static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static void Write(string format, IReadOnlyList<SearchHit> hits)
    {
        switch (format)
        {
            case "csv": SearchHitWriter.WriteCsv(Console.Out, hits); break;
            case "json": SearchHitWriter.WriteJson(Console.Out, hits); break;
            case "markdown": SearchHitWriter.WriteMarkdown(Console.Out, hits); break;
            default: WriteTable(hits); break;
        }
    }

    private static void WriteTable(IReadOnlyList<SearchHit> hits)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 170;
        var table = new Table().ShowRowSeparators()
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("extract").AddColumn("council, date").AddColumn("section (grade)")
            .AddColumn(new TableColumn("page ¶").NoWrap()).AddColumn("themes, stance");
        foreach (var hit in hits)
            table.AddRow(
                new Text(hit.Rank.ToString(CultureInfo.InvariantCulture)),
                new Text(hit.Text),
                new Text($"{hit.LocalAuthority}\n{hit.ReportDate:d MMM yyyy}"),
                new Text($"{hit.SectionHeading ?? hit.Section}" + (hit.SectionGrade is { } g ? $"\n({g})" : "")),
                new Text($"p{hit.Page}" + (hit.Paragraph is { } p ? $" ¶{p}" : "")),
                new Text($"{string.Join(", ", hit.Themes)}\n{hit.Stance}"));
        AnsiConsole.Write(table);
    }
}
