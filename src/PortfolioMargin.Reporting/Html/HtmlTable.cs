using System.Text;

namespace PortfolioMargin.Reporting.Html;

/// <summary>
/// A table sortable by clicking a header (the page's inline script). A number cell shows a rounded figure and
/// carries the exact value in <c>data-value</c>, so sorting is numeric and a reader of the HTML gets the file's number.
/// </summary>
internal sealed class HtmlTable(string? id, params HtmlColumn[] columns)
{
    private readonly StringBuilder _rows = new();

    public int RowCount { get; private set; }

    public HtmlTable Row(params HtmlCell[] cells) => KeyedRow(null, cells);

    /// <summary>A row with a stable name in data-key (the Parquet column a measure comes from), for readers of the HTML.</summary>
    public HtmlTable KeyedRow(string? key, params HtmlCell[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {columns.Length} columns", nameof(cells));
        }

        _rows.Append(key is null ? "<tr>" : $"<tr data-key=\"{Html.Encode(key)}\">");
        foreach (var cell in cells)
        {
            cell.AppendTo(_rows);
        }

        _rows.Append("</tr>");
        RowCount++;
        return this;
    }

    public string Render()
    {
        var html = new StringBuilder(_rows.Length + 512);
        html.Append(id is null ? "<table class=\"sortable\">" : $"<table class=\"sortable\" id=\"{Html.Encode(id)}\">");
        html.Append("<thead><tr>");
        foreach (var column in columns)
        {
            var header = column.Unit is null ? Html.Encode(column.Header) : $"{Html.Encode(column.Header)} <span class=\"unit\">({Html.Encode(column.Unit)})</span>";
            html.Append(column.Numeric ? "<th class=\"num\"" : "<th").Append(" data-key=\"").Append(Html.Encode(column.Key)).Append("\">").Append(header).Append("</th>");
        }

        return html.Append("</tr></thead><tbody>").Append(_rows).Append("</tbody></table>").ToString();
    }
}

/// <param name="Key">A stable name for the column (the Parquet column's, where it shows one), in data-key.</param>
internal sealed record HtmlColumn(string Key, string Header, bool Numeric = false, string? Unit = null)
{
    public static HtmlColumn Text(string key, string header) => new(key, header);

    public static HtmlColumn Number(string key, string header, string? unit = null) => new(key, header, true, unit);
}

/// <summary>One cell: text, or a number shown as <see cref="Shown"/> with its exact value kept.</summary>
/// <param name="CssClass">A class for the cell (a traffic-light zone's colour), beside "num" on a number.</param>
/// <param name="Title">A hover note on the cell: why a figure is shown as it is.</param>
internal readonly record struct HtmlCell(string Shown, double? Value, bool IsNumber, string? Href = null, string? CssClass = null, string? Title = null)
{
    public static HtmlCell Text(string? text) => new(text ?? "", null, false);

    /// <summary>Text that links to a place in the page (an account's section).</summary>
    public static HtmlCell Link(string text, string href) => new(text, null, false, href);

    public static HtmlCell Amount(double? value) => new(Html.Amount(value), value, true);

    public static HtmlCell Percent(double? value) => new(Html.Percent(value), value, true);

    public static HtmlCell Number(double? value, string format) =>
        new(value is { } v && double.IsFinite(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "", value, true);

    /// <summary>The same cell with a class and, where given, a hover note.</summary>
    public HtmlCell With(string? cssClass, string? title = null) => this with { CssClass = cssClass, Title = title };

    internal void AppendTo(StringBuilder html)
    {
        var classes = IsNumber ? (CssClass is null ? "num" : "num " + CssClass) : CssClass;
        html.Append("<td");
        if (classes is not null)
        {
            html.Append(" class=\"").Append(Html.Encode(classes)).Append('"');
        }

        if (Title is not null)
        {
            html.Append(" title=\"").Append(Html.Encode(Title)).Append('"');
        }

        if (!IsNumber)
        {
            html.Append('>').Append(Href is null ? Html.Encode(Shown) : $"<a href=\"{Html.Encode(Href)}\">{Html.Encode(Shown)}</a>").Append("</td>");
            return;
        }

        // An empty cell (a null in the file) sorts below every number.
        if (Value is { } value)
        {
            html.Append(" data-value=\"").Append(Html.Exact(value)).Append('"');
        }

        html.Append('>').Append(Html.Encode(Shown)).Append("</td>");
    }
}
