using System.Globalization;
using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Reporting.Html;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>
/// The HTML report of one `pm backtest` folder, written whole or not at all (a temporary file beside the target,
/// renamed into place): the run, the coverage and procyclicality tables, and a chart per model and portfolio.
/// docs/report.md says what is in it.
/// </summary>
public static class BacktestReport
{
    /// <summary>The file name `pm backtest --report` and `pm report` on a backtest folder would write inside it.</summary>
    public const string FileName = "backtest-report.html";

    /// <summary>Reads <paramref name="backtestFolder"/> and writes its report to <paramref name="output"/>; returns the path written.</summary>
    /// <exception cref="InputException">A file of the backtest is missing, truncated or not what it should be; nothing is written.</exception>
    public static async Task<string> WriteAsync(string backtestFolder, string output, CancellationToken cancellation = default)
    {
        var folder = await BacktestFolder.ReadAsync(backtestFolder, cancellation);
        var html = Render(folder, cancellation);
        return await ReportFile.WriteAsync(output, html, cancellation);
    }

    /// <summary>The report of a folder already read, as one HTML document.</summary>
    public static string Render(BacktestFolder folder, CancellationToken cancellation = default)
    {
        var settings = folder.Record["settings"];
        var models = settings?["models"]?.AsArray().Select(RunRecordHtml.Text).ToList() ?? [];
        var confidence = settings?["confidence"]?.GetValue<double>() ?? 0.99;
        var horizonRows = settings?["horizonRows"]?.GetValue<int>() ?? 1;
        var order = SummaryOrder(folder, models);
        var series = BacktestSeries.Split(folder.Rows, folder.Dates);

        var runId = folder.Record["runId"]?.GetValue<string>() ?? Path.GetFileName(folder.Path);
        var span = folder.Dates.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{folder.Dates.Min():yyyy-MM-dd} to {folder.Dates.Max():yyyy-MM-dd}") : "no dates";
        var portfolios = series.Select(s => s.Portfolio).Distinct(StringComparer.Ordinal).Count();
        var page = new HtmlPage($"Backtest report: run {runId}")
        {
            Subtitle = string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", models)} on {portfolios} portfolios, {span}; {confidence * 100:0.##}% VaR over {horizonRows} rows; amounts in {folder.Currency}; finished {folder.Record["finishedAt"]?.GetValue<string>()}"),
        };
        page.Section("run", "The run", BacktestRunSection.Render(folder.Record));
        page.Section("coverage", "Coverage", CoverageSection.Render(folder.Summary, order, confidence, horizonRows));
        page.Section("procyclicality", "Procyclicality", ProcyclicalitySection.Render(folder.Summary, order, folder.Currency));
        page.Section("charts", "Over time", Charts(series, models, folder.Currency, confidence, horizonRows, cancellation));
        return page.Render();
    }

    /// <summary>The id of a model and portfolio's chart: letters, digits, '-' and '_' only, so it is a safe anchor.</summary>
    public static string ChartId(string model, string portfolio) => $"chart-{Safe(model)}-{Safe(portfolio)}";

    /// <summary>Summary rows by portfolio, then by the order run.json lists the models in (the order they were asked for).</summary>
    private static List<int> SummaryOrder(BacktestFolder folder, List<string> models)
    {
        var (model, portfolio) = (folder.Summary.Text("model"), folder.Summary.Text("portfolio"));
        return [.. Enumerable.Range(0, folder.Summary.RowCount)
            .OrderBy(i => portfolio[i], StringComparer.Ordinal)
            .ThenBy(i => models.IndexOf(model[i] ?? "") is var k and >= 0 ? k : int.MaxValue)
            .ThenBy(i => model[i], StringComparer.Ordinal)];
    }

    private static string Charts(List<BacktestSeries> series, List<string> models, string currency, double confidence, int horizonRows, CancellationToken cancellation)
    {
        if (series.Count == 0)
        {
            return Html.Html.Note("backtest.parquet holds no rows.");
        }

        // Each chart drawn on its own thread: 27 charts of a thousand dates are most of the report's time.
        var ordered = series.OrderBy(s => s.Portfolio, StringComparer.Ordinal)
            .ThenBy(s => models.IndexOf(s.Model) is var k and >= 0 ? k : int.MaxValue).ThenBy(s => s.Model, StringComparer.Ordinal).ToList();
        var rendered = new string[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { CancellationToken = cancellation },
            i => rendered[i] = BacktestChart.Render(ordered[i], currency, confidence, horizonRows, ChartId(ordered[i].Model, ordered[i].Portfolio)));

        var html = new StringBuilder();
        html.Append(Html.Html.Paragraph("Each chart is one model on one portfolio: the requirement and the VaR computed at each close, and the loss the portfolio then realized over the horizon (gains below zero). "
            + "An open circle marks a VaR exceedance (the loss was above the VaR), a filled triangle a requirement exceedance (above the requirement, the amount posted); a date can be both. "
            + "Every date is drawn, so with a horizon of more than one row the markers outnumber the coverage table's non-overlapping exceedances."));
        html.Append("<nav class=\"charts-index\">");
        foreach (var portfolio in ordered.Select(s => s.Portfolio).Distinct(StringComparer.Ordinal))
        {
            html.Append("<a href=\"#").Append(Html.Html.Encode(PortfolioId(portfolio))).Append("\">").Append(Html.Html.Encode(portfolio)).Append("</a> ");
        }

        html.Append("</nav>");
        foreach (var group in ordered.Select((s, i) => (s, i)).GroupBy(p => p.s.Portfolio, StringComparer.Ordinal))
        {
            html.Append(Html.Html.Heading(3, $"Portfolio {group.Key}", PortfolioId(group.Key)))
                .Append("<div class=\"charts\">").Append(Html.Html.Row([.. group.Select(p => rendered[p.i])])).Append("</div>");
        }

        return html.ToString();
    }

    private static string PortfolioId(string portfolio) => "portfolio-" + Safe(portfolio);

    private static string Safe(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
