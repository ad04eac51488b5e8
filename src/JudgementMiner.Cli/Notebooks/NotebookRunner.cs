using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JudgementMiner.Output;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace JudgementMiner.Cli.Notebooks;

/// <summary>A code cell that threw or did not compile: which notebook, which cell, and why.</summary>
public sealed class NotebookFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs a Jupyter-format C# notebook headless with Roslyn scripting: every code cell in order, in one script state
/// (as a kernel would), capturing what the cell prints and what it <c>display</c>s, and writes those outputs back
/// into the notebook. <c>#r</c> and <c>#!</c> lines are for Polyglot Notebooks and are skipped: the runner gives the
/// cells the project's assemblies itself.
/// </summary>
public static class NotebookRunner
{
    public static async Task<int> RunAsync(string notebookPath, CancellationToken cancellationToken)
    {
        var notebook = JsonNode.Parse(await File.ReadAllTextAsync(notebookPath, cancellationToken))?.AsObject()
                       ?? throw new NotebookFailedException($"{notebookPath}: not a notebook (no JSON object)");
        var cells = notebook["cells"]?.AsArray() ?? throw new NotebookFailedException($"{notebookPath}: the notebook has no cells");
        var options = ScriptOptions.Default
            .AddReferences(typeof(JudgementMiner.Analysis.ThemeStatistics).Assembly, typeof(NotebookGlobals).Assembly, typeof(ScottPlot.Plot).Assembly)
            .AddImports("System", "System.Linq", "System.Collections.Generic", "System.IO");
        var globals = new NotebookGlobals();
        ScriptState<object>? state = null;
        var executed = 0;
        var originalOut = Console.Out;
        for (var index = 0; index < cells.Count; index++)
        {
            var cell = cells[index]!.AsObject();
            if ((string?)cell["cell_type"] != "code") continue;
            var code = SourceOf(cell);
            var stdout = new StringWriter();
            globals.Displayed.Clear();
            Console.SetOut(stdout);
            try
            {
                state = state is null
                    ? await CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals), cancellationToken)
                    : await state.ContinueWithAsync(code, options, cancellationToken);
            }
            catch (CompilationErrorException e)
            {
                throw new NotebookFailedException($"{notebookPath}, code cell {executed + 1}: does not compile: {string.Join("; ", e.Diagnostics.Take(3))}", e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new NotebookFailedException($"{notebookPath}, code cell {executed + 1}: {e.GetType().Name}: {e.Message}", e);
            }
            finally
            {
                Console.SetOut(originalOut);
            }
            executed++;
            cell["execution_count"] = executed;
            cell["outputs"] = Outputs(stdout.ToString(), globals.Displayed, state.ReturnValue, executed);
        }
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllText(notebookPath, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return executed;
    }

    /// <summary>The cell's code without the lines only Polyglot Notebooks understands.</summary>
    private static string SourceOf(JsonObject cell)
    {
        var source = cell["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonValue text => (string?)text ?? "",
            _ => "",
        };
        return string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("#r ", StringComparison.Ordinal)
                                                               && !line.TrimStart().StartsWith("#!", StringComparison.Ordinal)));
    }

    private static JsonArray Outputs(string printed, IEnumerable<(string MimeType, string Data)> displayed, object? result, int executionCount)
    {
        var outputs = new JsonArray();
        if (printed.Length > 0)
            outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = Lines(printed) });
        foreach (var (mime, data) in displayed)
            outputs.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { [mime] = Lines(data) }, ["metadata"] = new JsonObject() });
        if (result is not null)
            outputs.Add(new JsonObject
            {
                ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["metadata"] = new JsonObject(),
                ["data"] = result is HtmlContent html ? new JsonObject { ["text/html"] = Lines(html.Html) } : new JsonObject { ["text/plain"] = Lines(result.ToString() ?? "") },
            });
        return outputs;
    }

    /// <summary>Jupyter keeps text as a list of lines, each with its newline.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var parts = text.Split('\n');
        for (var i = 0; i < parts.Length; i++)
            if (i < parts.Length - 1) lines.Add(parts[i] + "\n");
            else if (parts[i].Length > 0) lines.Add(parts[i]);
        return lines;
    }
}
