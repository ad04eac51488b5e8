using System.Net;
using System.Text;

namespace JudgementMiner.Analysis;

/// <summary>Small HTML for notebooks: a table of rows, and a PNG file as an inline image.</summary>
public static class HtmlTable
{
    public static string From(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var header in headers) html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static string Image(string pngPath, string description) =>
        $"<img alt=\"{WebUtility.HtmlEncode(description)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(pngPath))}\" style=\"max-width:100%\">";
}
