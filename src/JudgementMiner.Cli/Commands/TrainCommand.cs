using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using JudgementMiner.Models;
using Microsoft.ML;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer train</c>: reproduces the shipped models from data/labels.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var labels = new Option<FileInfo>("--labels") { Description = "The labelled sentences.", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "labels", LabelSet.FileName)) };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where to write the models.", DefaultValueFactory = _ => new DirectoryInfo("models") };
        var command = new Command("train", "Train the theme and stance models from the labelled sentences (fixed seed: the same labels give the same models).")
            { labels, output, TextGradeCommands.CreateTrain() };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(labels).FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: labels not found: {path}");
                return ExitCodes.UsageError;
            }
            IReadOnlyList<LabelledSentence> data;
            try
            {
                data = LabelSet.Load(path);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            var clock = Stopwatch.StartNew();
            var version = ModelVersion(path);
            Console.WriteLine($"Training on {data.Count} labelled sentences from {data.Select(d => d.ReportId).Distinct().Count()} reports (model {version})...");
            var model = new ModelTrainer().Train(data, version);
            model.Save(parse.GetRequiredValue(output).FullName);
            Console.WriteLine($"Thresholds: {string.Join(", ", model.Thresholds.Select(kv => $"{kv.Key} {kv.Value:0.00}"))}");
            Console.WriteLine($"Stance bias offsets: {string.Join(", ", model.StanceOffsets.Select(kv => $"{kv.Key} {kv.Value:+0.0;-0.0;0}"))}");
            Console.WriteLine($"Wrote the models to {parse.GetRequiredValue(output).FullName} in {clock.Elapsed.TotalSeconds:0.0} s.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The model version: derived from the labels and from how they are turned into features, so the same labels
    /// and code give the same version and new features give a new one (which makes the next run re-tag).
    /// </summary>
    public static string ModelVersion(string labelsPath) =>
        "themes-" + Convert.ToHexStringLower(SHA256.HashData([.. File.ReadAllBytes(labelsPath), .. System.Text.Encoding.UTF8.GetBytes(HashedFeaturizer.Description)]))[..12];
}
