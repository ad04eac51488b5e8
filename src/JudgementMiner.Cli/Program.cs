using System.CommandLine;
using JudgementMiner.Cli;
using JudgementMiner.Cli.Commands;

var root = new RootCommand("JudgementMiner: mine what Ofsted inspectors write about English councils' children's services.")
{
    RunCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
    TagCommand.Create(),
    BenchmarkCommand.Create(),
    TextCommand.Create(),
    CompareCommand.Create(),
    LabelsCommand.Create(),
    StatsCommand.Create(),
    SearchCommand.Create(),
    ExploreCommand.Create(),
    NotebooksCommand.Create(),
};
var parse = root.Parse(args);
// Parse errors are usage errors: exit 2 with System.CommandLine's own message.
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'judgementminer --help' for usage.");
    return ExitCodes.UsageError;
}
return await parse.InvokeAsync();
