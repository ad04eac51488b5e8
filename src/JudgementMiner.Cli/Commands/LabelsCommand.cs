using System.CommandLine;
using JudgementMiner.Models;
using JudgementMiner.Output;

namespace JudgementMiner.Cli.Commands;

/// <summary><c>judgementminer labels context</c>: data preparation for the annotation set (see data/labels/SAMPLING.md).</summary>
internal static class LabelsCommand
{
    public static Command Create()
    {
        var labels = new Command("labels", "Prepare the annotation data in data/labels.");
        labels.Subcommands.Add(CreateContext());
        return labels;
    }

    private static Command CreateContext()
    {
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "A dataset built by 'judgementminer run' over the corpus the sentences were drawn from.", Required = true };
        var sample = new Option<FileInfo>("--sample") { Description = "The draw to complete.", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "labels", "sample.csv")) };
        var command = new Command("context", "Add each drawn sentence's previous sentence in its paragraph (previous_text) to sample.csv; then run assemble_labels.py.") { dataset, sample };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var samplePath = parse.GetRequiredValue(sample).FullName;
            var datasetPath = parse.GetRequiredValue(dataset).FullName;
            if (!File.Exists(samplePath))
            {
                Console.Error.WriteLine($"error: need {samplePath}");
                return ExitCodes.UsageError;
            }
            int found, missing, first;
            try
            {
                (found, missing, first) = await LabelContext.AddAsync(samplePath, datasetPath, cancellationToken);
            }
            catch (DatasetOpenException e)
            {
                DatasetFolder.Report(e);
                return ExitCodes.UsageError;
            }
            Console.WriteLine($"{found} sentences found ({first} open their paragraph), {missing} not found in the dataset; wrote {samplePath}");
            return missing == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        });
        return command;
    }
}
