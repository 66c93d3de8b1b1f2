using System.Globalization;
using System.Net;
using System.Text;

namespace PortfolioMargin.Reporting.Html;

/// <summary>Small pieces of markup every report uses; text is always encoded, so a file's content cannot become markup.</summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Paragraph(string text, string? cssClass = null) =>
        cssClass is null ? $"<p>{Encode(text)}</p>" : $"<p class=\"{cssClass}\">{Encode(text)}</p>";

    /// <summary>A note where a section has nothing to show: said, never left empty.</summary>
    public static string Note(string text) => Paragraph(text, "note");

    public static string Heading(int level, string text, string? id = null) =>
        id is null ? $"<h{level}>{Encode(text)}</h{level}>" : $"<h{level} id=\"{Encode(id)}\">{Encode(text)}</h{level}>";

    /// <summary>A collapsed block: long lists stay one line until asked for.</summary>
    public static string Details(string summary, string body, bool open = false) =>
        $"<details{(open ? " open" : "")}><summary>{Encode(summary)}</summary>{body}</details>";

    /// <summary>Blocks side by side where the page is wide enough, stacked where not.</summary>
    public static string Row(params string[] blocks) =>
        $"<div class=\"row\">{string.Concat(blocks.Select(b => $"<div>{b}</div>"))}</div>";

    /// <summary>A two-column table of labelled values (not sortable: its order is the reading order).</summary>
    public static string KeyValues(IEnumerable<(string Key, string Value)> rows, string? id = null)
    {
        var html = new StringBuilder(id is null ? "<table class=\"kv\">" : $"<table class=\"kv\" id=\"{Encode(id)}\">");
        foreach (var (key, value) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(key)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>Money and other large figures: thousands separated, no decimals (the files keep every digit).</summary>
    public static string Amount(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("#,0", CultureInfo.InvariantCulture) : "";

    /// <summary>A fraction as a percentage with one decimal: 0.15 → "15.0%".</summary>
    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";

    /// <summary>The exact value, as the file holds it, for data-value attributes (sorting, and tests that compare with the file).</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
