using System.Text;

namespace PortfolioMargin.Reporting.Html;

/// <summary>
/// One self-contained HTML document: the styles and the table-sorting script are inline and charts are inline SVG,
/// so the file opens offline, from a mail attachment or an archive, and nothing is fetched when it is viewed.
/// Sections are listed in a contents line at the top.
/// </summary>
internal sealed class HtmlPage(string title)
{
    private readonly List<(string Id, string Heading, string Body, bool InContents)> _sections = [];

    /// <summary>A line under the title (what the report is of).</summary>
    public string? Subtitle { get; init; }

    /// <summary>Sections shown in the contents line; account pages are many, so they may be left out of it.</summary>
    public HtmlPage Section(string id, string heading, string body, bool inContents = true)
    {
        _sections.Add((id, heading, body, inContents));
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder(1 << 16);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>")
            .Append("<style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<header><h1>").Append(Html.Encode(title)).Append("</h1>");
        if (Subtitle is not null)
        {
            html.Append("<p class=\"subtitle\">").Append(Html.Encode(Subtitle)).Append("</p>");
        }

        html.Append("<nav>");
        foreach (var (id, heading, _, _) in _sections.Where(s => s.InContents))
        {
            html.Append("<a href=\"#").Append(Html.Encode(id)).Append("\">").Append(Html.Encode(heading)).Append("</a> ");
        }

        html.Append("</nav></header><main>");
        foreach (var (id, heading, body, _) in _sections)
        {
            html.Append("<section id=\"").Append(Html.Encode(id)).Append("\"><h2>").Append(Html.Encode(heading)).Append("</h2>")
                .Append(body).Append("</section>\n");
        }

        return html.Append("</main><script>").Append(PageStyle.SortScript).Append("</script></body></html>\n").ToString();
    }
}
