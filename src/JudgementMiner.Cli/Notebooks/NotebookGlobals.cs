using System.Net;

namespace JudgementMiner.Cli.Notebooks;

/// <summary>HTML to display as it is (what Polyglot Notebooks' <c>HTML(...)</c> returns there).</summary>
public sealed record HtmlContent(string Html)
{
    public override string ToString() => Html;
}

/// <summary>
/// What a notebook's code can call besides the libraries: <c>display(...)</c> and <c>HTML(...)</c>, named and used as
/// in Polyglot Notebooks, so the same cells run there and in <see cref="NotebookRunner"/>.
/// </summary>
public sealed class NotebookGlobals
{
    internal List<(string MimeType, string Data)> Displayed { get; } = [];

    /// <summary>Shows a value below the cell: HTML as HTML, anything else as text.</summary>
#pragma warning disable IDE1006 // the Polyglot names
    public object? display(object? value)
    {
        Displayed.Add(value is HtmlContent html ? ("text/html", html.Html) : ("text/plain", value?.ToString() ?? ""));
        return null;
    }

    public HtmlContent HTML(string html) => new(html);
#pragma warning restore IDE1006

    /// <summary>Escapes text for HTML (a convenience for notebooks that build tables).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
