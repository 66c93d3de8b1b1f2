using PortfolioMargin.Reporting.Html;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Backtest;

/// <summary>
/// The coverage table of backtest-summary.parquet: one row per model and portfolio, each number a cell whose
/// data-value is the file's, under a header whose data-key is the file's column.
/// </summary>
internal static class CoverageSection
{
    public static string Render(ColumnTable summary, IReadOnlyList<int> order, double confidence, int horizonRows)
    {
        var table = new HtmlTable("coverage",
            HtmlColumn.Text("model", "model"), HtmlColumn.Text("portfolio", "portfolio"),
            HtmlColumn.Number("observations", "observations"),
            HtmlColumn.Number("var_exceedances", "VaR exceedances"), HtmlColumn.Number("expected_var_exceedances", "expected"),
            HtmlColumn.Number("kupiec_lr", "Kupiec LR"), HtmlColumn.Number("kupiec_p_value", "Kupiec p"),
            HtmlColumn.Number("christoffersen_independence_p_value", "independence p"), HtmlColumn.Number("christoffersen_conditional_coverage_p_value", "cond. coverage p"),
            HtmlColumn.Text("traffic_light", "traffic light"), HtmlColumn.Number("traffic_light_windows", "windows"),
            HtmlColumn.Number("yellow_windows", "yellow"), HtmlColumn.Number("red_windows", "red"),
            HtmlColumn.Number("coverage_ratio", "requirement coverage"), HtmlColumn.Number("coverage_lower", "lower"), HtmlColumn.Number("coverage_upper", "upper"),
            HtmlColumn.Number("requirement_breaches", "requirement breaches"),
            HtmlColumn.Number("es_z2", "ES Z2"), HtmlColumn.Number("es_p_value", "ES p"));
        var (model, portfolio, zone) = (summary.Text("model"), summary.Text("portfolio"), summary.Text("traffic_light"));
        double? Value(string column, int row) => summary.Number(column)[row];
        HtmlCell Count(string column, int row) => HtmlCell.Number(Value(column, row), "#,0");
        HtmlCell Fixed(string column, int row, string format) => HtmlCell.Number(Value(column, row), format);
        foreach (var i in order)
        {
            table.KeyedRow($"{model[i]}/{portfolio[i]}",
                HtmlCell.Text(model[i]), HtmlCell.Text(portfolio[i]), Count("observations", i),
                Count("var_exceedances", i), Fixed("expected_var_exceedances", i, "#,0.0"),
                Fixed("kupiec_lr", i, "0.00"), Fixed("kupiec_p_value", i, "0.000"),
                Fixed("christoffersen_independence_p_value", i, "0.000"), Fixed("christoffersen_conditional_coverage_p_value", i, "0.000"),
                HtmlCell.Text(zone[i]).With(zone[i] is "green" or "yellow" or "red" ? "zone-" + zone[i] : null), Count("traffic_light_windows", i),
                Count("yellow_windows", i), Count("red_windows", i),
                HtmlCell.Percent(Value("coverage_ratio", i)), HtmlCell.Percent(Value("coverage_lower", i)), HtmlCell.Percent(Value("coverage_upper", i)),
                Count("requirement_breaches", i),
                Fixed("es_z2", i, "0.000"), Fixed("es_p_value", i, "0.000"));
        }

        var level = (confidence * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var observations = horizonRows == 1
            ? "Every date is an observation."
            : $"The horizon is {horizonRows} rows, so consecutive losses overlap: the statistics use non-overlapping horizons only (every {Ordinal(horizonRows)} date from each model's first), which is why the observations are fewer than the dates charted below.";
        return Html.Html.Paragraph($"A VaR exceedance is an observation whose realized loss is above the model's {level}% VaR; about {(100 - confidence * 100):0.##}% of observations should be one (the expected column). "
                + "Kupiec tests that count, Christoffersen's independence test whether exceedances cluster, and his conditional coverage test both together (small p: reject the model). "
                + "The traffic light is the Basel zone of the exceedances over all the observations (green, yellow, red); windows counts the rolling 250-observation windows, and yellow and red those in each zone. "
                + "A requirement exceedance (a breach) is a loss above the requirement the member would have posted, which may be more than the VaR; the requirement coverage is the share of observations without one, with its Clopper–Pearson interval. "
                + "ES Z2 is Acerbi and Székely's test of the expected shortfall (p from simulation; small p: ES too low).")
            + Html.Html.Paragraph(observations)
            + "<div class=\"wide\">" + table.Render() + "</div>";
    }

    /// <summary>2nd, 3rd, 5th, 11th, 21st: the horizon in words.</summary>
    internal static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
