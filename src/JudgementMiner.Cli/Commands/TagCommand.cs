using System.CommandLine;
using System.Globalization;
using CsvHelper;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Cli.Commands;

/// <summary>
/// <c>judgementminer tag "sentence"</c> or <c>judgementminer tag --input in.csv --out out.csv</c>: tags sentences
/// with the shipped models, found as <c>run</c> finds them. The input CSV has columns id,text (and optionally section); the output has
/// id,themes,stance and one probability column per theme. The models also read the sentence before in the same paragraph
/// when it is given (<c>--previous</c>, or a previous_text column): that is how <c>run</c> tags extracts.
/// </summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string?>("sentence") { Description = "One sentence to tag.", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "A CSV with columns id,text (and optionally section and previous_text)." };
        // --out as in every other command; --output, its first name, still works.
        var output = new Option<FileInfo?>("--out", "--output", "-o") { Description = "Where to write id,themes,stance,p_<theme>... (with --input)." };
        var section = new Option<string>("--section") { Description = "The section the sentence comes from (e.g. leadership).", DefaultValueFactory = _ => "leadership" };
        var previous = new Option<string>("--previous") { Description = "The sentence before it in its paragraph, if any (context the models use).", DefaultValueFactory = _ => "" };
        var models = new Option<DirectoryInfo?>("--models") { Description = "The theme and stance models (default: ./models, else models beside the program)." };
        var command = new Command("tag", "Tag a sentence, or a CSV of sentences, with themes and stance.") { sentence, input, output, section, previous, models };
        command.SetAction(parse =>
        {
            var modelsPath = ThemeModelSource.Find(parse.GetValue(models)?.FullName);
            if (modelsPath is null)
            {
                Console.Error.WriteLine("error: no models found (./models or beside the program); give --models <folder>");
                return ExitCodes.UsageError;
            }
            ThemeModel model;
            try
            {
                model = ThemeModelSource.LoadThemeModel(modelsPath);
            }
            catch (ModelLoadException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            var text = parse.GetValue(sentence);
            var inputFile = parse.GetValue(input);
            if (inputFile is null)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    Console.Error.WriteLine("error: give a sentence, or --input <csv> --out <csv>");
                    return ExitCodes.UsageError;
                }
                var tags = model.Tag([SentenceInput.From(text, parse.GetValue(section)!, parse.GetValue(previous)!)])[0];
                Console.WriteLine($"themes: {(tags.Themes.Count == 0 ? "(none)" : string.Join(";", tags.Themes))}");
                Console.WriteLine($"stance: {tags.Stance} ({tags.StanceConfidence:0.00})");
                foreach (var theme in Themes.All) Console.WriteLine($"  p_{theme} = {tags.Probabilities[theme]:0.000} (threshold {model.Thresholds[theme]:0.00})");
                return ExitCodes.Ok;
            }
            var outputFile = parse.GetValue(output);
            if (outputFile is null)
            {
                Console.Error.WriteLine("error: --input needs --out <csv>");
                return ExitCodes.UsageError;
            }
            List<TagInputRow> rows;
            try
            {
                rows = ReadInput(inputFile.FullName, parse.GetValue(section)!);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            var results = model.Tag(rows.Select(r => SentenceInput.From(r.Text, r.Section, r.Previous)).ToList());
            WriteOutput(outputFile.FullName, rows, results);
            Console.WriteLine($"Tagged {rows.Count} sentences into {outputFile.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One sentence to tag, as read from the input CSV.</summary>
    public sealed record TagInputRow(string Id, string Text, string Section, string Previous);

    /// <summary>Reads id,text[,section][,previous_text]; a malformed file is an error naming the line.</summary>
    public static List<TagInputRow> ReadInput(string path, string defaultSection)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: file not found");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = context => throw new InvalidDataException($"{path}: line {context.Context.Parser?.RawRow}: malformed CSV ({context.Field})"),
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new InvalidDataException($"{path}: line 1: no header (expected id,text)");
        var header = csv.HeaderRecord;
        if (!header.Contains("id") || !header.Contains("text"))
            throw new InvalidDataException($"{path}: line 1: the header must name the columns id and text (found: {string.Join(",", header)})");
        var hasSection = header.Contains("section");
        var hasPrevious = header.Contains(LabelSet.PreviousColumn);
        var rows = new List<TagInputRow>();
        try
        {
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (csv.Parser.Count != header.Length)
                    throw new InvalidDataException($"{path}: line {line}: expected {header.Length} fields, found {csv.Parser.Count}");
                var id = csv.GetField("id") ?? "";
                var text = csv.GetField("text") ?? "";
                if (id.Length == 0) throw new InvalidDataException($"{path}: line {line}: empty id");
                if (text.Trim().Length == 0) throw new InvalidDataException($"{path}: line {line}: empty text");
                rows.Add(new TagInputRow(id, text, hasSection ? csv.GetField("section") ?? defaultSection : defaultSection,
                    hasPrevious ? csv.GetField(LabelSet.PreviousColumn) ?? "" : ""));
            }
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException($"{path}: line {csv.Parser.RawRow}: malformed CSV ({e.GetType().Name})");
        }
        return rows;
    }

    private static void WriteOutput(string path, List<TagInputRow> rows, IReadOnlyList<SentenceTags> results) =>
        AtomicFile.Write(path, writer => WriteCsv(writer, rows, results));

    private static void WriteCsv(TextWriter writer, List<TagInputRow> rows, IReadOnlyList<SentenceTags> results)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteField("id");
        csv.WriteField("themes");
        csv.WriteField("stance");
        foreach (var theme in Themes.All) csv.WriteField($"p_{theme}");
        csv.NextRecord();
        for (var i = 0; i < rows.Count; i++)
        {
            csv.WriteField(rows[i].Id);
            csv.WriteField(string.Join(";", results[i].Themes));
            csv.WriteField(results[i].Stance);
            foreach (var theme in Themes.All) csv.WriteField(results[i].Probabilities[theme].ToString("0.0000", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
