using System.Globalization;
using PortfolioMargin.Reporting.Charts;
using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Storage.Results;
using ScottPlot;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>The margin events of an intraday run (events.parquet): each status change over time, and the list.</summary>
internal static class EventsSection
{
    public static string Render(ColumnTable events, string currency)
    {
        if (events.RowCount == 0)
        {
            return Html.Html.Note("events.parquet holds no events.");
        }

        var (account, time, oldStatus, newStatus, trigger) = (events.Text("account"), events.Text("time"), events.Text("old_status"), events.Text("new_status"), events.Text("trigger"));
        var (equity, initial, maintenance) = (events.Number("equity"), events.Number("initial_margin"), events.Number("maintenance_margin"));
        var when = time.Select(t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : (DateTime?)null).ToArray();

        var plot = SvgChart.NewPlot();
        foreach (var (status, color, shape) in new[] { ("healthy", OkabeIto.Healthy, MarkerShape.FilledCircle), ("margin-call", OkabeIto.MarginCall, MarkerShape.FilledTriangleUp), ("liquidation", OkabeIto.Liquidation, MarkerShape.FilledSquare) })
        {
            var rows = Enumerable.Range(0, events.RowCount).Where(i => newStatus[i] == status && when[i] is not null).ToList();
            if (rows.Count > 0)
            {
                var markers = plot.Add.Markers(rows.Select(i => when[i]!.Value.ToOADate()).ToArray(), rows.Select(i => (equity[i] ?? double.NaN) - (initial[i] ?? double.NaN)).ToArray(), shape, 6, color);
                markers.LegendText = $"to {status}";
            }
        }

        plot.Axes.DateTimeTicksBottom();
        plot.XLabel("time (UTC)");
        plot.YLabel($"equity − initial margin at the event ({currency})");
        plot.ShowLegend(Alignment.UpperRight);
        var chart = SvgChart.Figure(plot, $"The {events.RowCount:N0} margin events over time, by the status each account moved to.", "events-timeline");

        var table = new HtmlTable("events-list",
            HtmlColumn.Text("time", "time (UTC)"), HtmlColumn.Text("account", "account"), HtmlColumn.Text("old_status", "from"), HtmlColumn.Text("new_status", "to"),
            HtmlColumn.Number("equity", "equity", currency), HtmlColumn.Number("initial_margin", "IM", currency), HtmlColumn.Number("maintenance_margin", "MM", currency),
            HtmlColumn.Text("trigger", "trigger"));
        for (var i = 0; i < events.RowCount; i++)
        {
            table.Row(HtmlCell.Text(time[i]), HtmlCell.Text(account[i]), HtmlCell.Text(oldStatus[i]), HtmlCell.Text(newStatus[i]),
                HtmlCell.Amount(equity[i]), HtmlCell.Amount(initial[i]), HtmlCell.Amount(maintenance[i]), HtmlCell.Text(trigger[i]));
        }

        return chart + table.Render();
    }
}
