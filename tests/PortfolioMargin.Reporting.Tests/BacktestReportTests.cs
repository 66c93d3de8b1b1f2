using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PortfolioMargin.Reporting.Backtest;
using PortfolioMargin.Storage.Output;
using PortfolioMargin.Storage.Results;
using Xunit.Abstractions;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>The report of a sample backtest: its tables are the summary file's numbers, and there is a chart per model and portfolio.</summary>
public sealed class BacktestReportTests(BacktestRunFixture run, ITestOutputHelper output) : IClassFixture<BacktestRunFixture>
{
    private IDocument Report() => new HtmlParser().ParseDocument(File.ReadAllText(run.Report));

    private ColumnTable Summary() => ColumnTable.ReadAsync(Path.Combine(run.Output, BacktestTables.SummaryFile)).GetAwaiter().GetResult();

    private ColumnTable Rows() => ColumnTable.ReadAsync(Path.Combine(run.Output, BacktestTables.RowsFile)).GetAwaiter().GetResult();

    /// <summary>A table's body rows keyed by data-key ("model/portfolio"), each a map from the header's data-key to the cell.</summary>
    private static Dictionary<string, Dictionary<string, IElement>> Cells(IDocument report, string table)
    {
        var element = report.GetElementById(table)!;
        var keys = element.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-key")!).ToList();
        return element.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.GetAttribute("data-key")!,
            r => keys.Select((key, k) => (key, cell: r.Children[k])).ToDictionary(p => p.key, p => p.cell));
    }

    private static double? ValueOf(IElement cell) =>
        cell.GetAttribute("data-value") is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : null;

    [Fact]
    public void Report_has_the_run_coverage_procyclicality_and_charts_and_fetches_nothing()
    {
        var report = Report();

        foreach (var id in new[] { "run", "coverage", "procyclicality", "charts", "run-settings", "run-inputs", "run-timings" })
        {
            Assert.NotNull(report.GetElementById(id));
        }

        Assert.Empty(report.QuerySelectorAll("link[href], script[src], img[src]"));
        Assert.All(report.QuerySelectorAll("section svg"), svg => Assert.Equal("img", svg.GetAttribute("role")));
        var bytes = new FileInfo(run.Report).Length;
        output.WriteLine($"report {bytes:N0} bytes, written in {run.RenderTime.TotalSeconds:F2} s");
        Assert.True(bytes < 8_000_000, $"the report is {bytes:N0} bytes");
    }

    [Fact]
    public void Run_section_shows_what_run_json_records()
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, ResultFiles.RunRecord)))!;
        var settings = Report().GetElementById("run-settings")!.QuerySelectorAll("tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);

        Assert.Equal("implied, ewma", settings["models"]);
        Assert.Equal("1000", settings["paths"]);
        Assert.Equal(record["settings"]!["seed"]!.ToJsonString(), settings["seed"]);
        Assert.Equal(record["settings"]!["horizonRows"]!.ToJsonString(), settings["horizon (rows)"]);
        Assert.Equal(record["device"]!.GetValue<string>(), settings["device"]);
        Assert.EndsWith(" s", settings["wall time"], StringComparison.Ordinal);
        var hashes = Report().GetElementById("run-inputs")!.QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent);
        Assert.Equal(record["inputs"]!.AsArray().Select(i => i!["sha256"]!.GetValue<string>()), hashes);
    }

    [Fact]
    public void Coverage_table_numbers_are_the_summary_files()
    {
        var summary = Summary();
        var cells = Cells(Report(), "coverage");

        Assert.Equal(summary.RowCount, cells.Count);
        var numeric = cells.First().Value.Keys.Where(k => k is not ("model" or "portfolio" or "traffic_light")).ToList();
        Assert.Contains("kupiec_p_value", numeric);
        Assert.Contains("es_z2", numeric);
        for (var i = 0; i < summary.RowCount; i++)
        {
            var row = cells[$"{summary.Text("model")[i]}/{summary.Text("portfolio")[i]}"];
            foreach (var column in numeric)
            {
                Assert.Equal(summary.Number(column)[i], ValueOf(row[column]));
            }

            var zone = summary.Text("traffic_light")[i];
            Assert.Equal(zone, row["traffic_light"].TextContent);
            Assert.Contains("zone-" + zone, row["traffic_light"].ClassList);
        }
    }

    [Fact]
    public void Procyclicality_table_numbers_are_the_summary_files_with_a_dash_for_no_relative_rise()
    {
        var summary = Summary();
        var cells = Cells(Report(), "procyclicality");

        Assert.Equal(summary.RowCount, cells.Count);
        for (var i = 0; i < summary.RowCount; i++)
        {
            var row = cells[$"{summary.Text("model")[i]}/{summary.Text("portfolio")[i]}"];
            foreach (var column in row.Keys.Where(k => k is not ("model" or "portfolio")))
            {
                var value = summary.Number(column)[i];
                if (column == "peak_to_trough")
                {
                    // The file holds null where the trough is 0 (no finite ratio); the report says ∞.
                    var expected = value ?? (summary.Number("trough_requirement")[i] == 0.0 ? double.PositiveInfinity : null);
                    Assert.Equal(expected, ValueOf(row[column]));
                }
                else if (value is { } v && double.IsFinite(v))
                {
                    Assert.Equal(value, ValueOf(row[column]));
                }
                else
                {
                    Assert.Equal(ProcyclicalitySection.NoRelative, row[column].TextContent);
                    Assert.Equal(ProcyclicalitySection.NoRelativeTitle, row[column].GetAttribute("title"));
                }
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_relative_rise_without_a_positive_base_is_a_dash_that_says_why(double? value)
    {
        var cell = ProcyclicalitySection.Relative(value);

        Assert.Equal(ProcyclicalitySection.NoRelative, cell.Shown);
        Assert.Null(cell.Value);
        Assert.Equal(ProcyclicalitySection.NoRelativeTitle, cell.Title);
        Assert.Equal("12.5%", ProcyclicalitySection.Relative(0.125).Shown);
    }

    [Fact]
    public void There_is_one_chart_per_model_and_portfolio_grouped_by_portfolio()
    {
        var summary = Summary();
        var report = Report();
        var charts = report.QuerySelectorAll("#charts figure[id^='chart-']").Select(f => f.Id!).ToList();

        var expected = Enumerable.Range(0, summary.RowCount).Select(i => BacktestReport.ChartId(summary.Text("model")[i]!, summary.Text("portfolio")[i]!)).ToHashSet();
        Assert.Equal(expected.Count, charts.Count);
        Assert.Equal(expected, charts.ToHashSet());
        Assert.Equal(2 * 9, charts.Count);
        foreach (var figure in report.QuerySelectorAll("#charts figure[id^='chart-']"))
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.Contains("date", svg.TextContent, StringComparison.Ordinal);
            Assert.Contains("(USD)", svg.TextContent, StringComparison.Ordinal);
            Assert.Contains("loss > VaR", svg.TextContent, StringComparison.Ordinal);
            Assert.Contains("loss > requirement", svg.TextContent, StringComparison.Ordinal);
        }

        // Models side by side under their portfolio's heading, in the order they were asked for.
        var first = report.QuerySelector("#charts h3")!.NextElementSibling!.QuerySelectorAll("figure").Select(f => f.Id).ToList();
        Assert.Equal(2, first.Count);
        Assert.StartsWith("chart-implied-", first[0], StringComparison.Ordinal);
        Assert.StartsWith("chart-ewma-", first[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_charts_markers_are_its_rows_exceedance_flags()
    {
        var folder = await BacktestFolder.ReadAsync(run.Output);
        var rows = folder.Rows;
        var series = BacktestSeries.Split(rows, folder.Dates);
        var (model, portfolio) = (rows.Text("model"), rows.Text("portfolio"));
        var (varFlag, flag) = (rows.Number("var_exceedance"), rows.Number("exceedance"));

        Assert.Equal(Summary().RowCount, series.Count);
        var anyMarked = 0;
        foreach (var one in series)
        {
            var data = BacktestChart.DataOf(one);
            var mine = Enumerable.Range(0, rows.RowCount).Where(i => model[i] == one.Model && portfolio[i] == one.Portfolio).ToList();
            Assert.Equal(mine.Count, data.Requirement.Count);
            Assert.Equal(mine.Count(i => varFlag[i] == 1.0), data.VarExceedances.Count);
            Assert.Equal(mine.Count(i => flag[i] == 1.0), data.RequirementExceedances.Count);

            // A marker sits where the loss is above its line: at the date's loss, over the date's VaR or requirement.
            var varAt = data.ValueAtRisk.X.Zip(data.ValueAtRisk.Y).ToDictionary(p => p.First, p => p.Second);
            Assert.All(data.VarExceedances.X.Zip(data.VarExceedances.Y), p => Assert.True(p.Second > varAt[p.First]));
            var requirementAt = data.Requirement.X.Zip(data.Requirement.Y).ToDictionary(p => p.First, p => p.Second);
            Assert.All(data.RequirementExceedances.X.Zip(data.RequirementExceedances.Y), p => Assert.True(p.Second > requirementAt[p.First]));
            anyMarked += data.VarExceedances.Count;
        }

        Assert.True(anyMarked > 0, "the sample has VaR exceedances to mark");
    }

    [Fact]
    public void Each_drawn_chart_has_a_marker_per_flagged_row_and_one_in_its_legend()
    {
        var rows = Rows();
        var (model, portfolio) = (rows.Text("model"), rows.Text("portfolio"));
        var (varFlag, flag) = (rows.Number("var_exceedance"), rows.Number("exceedance"));
        var report = Report();

        // ScottPlot draws an open circle as an unfilled ellipse and a filled triangle as a filled path, in the
        // marker's colour; no other layer uses those colours that way.
        var none = 0;
        foreach (var key in Enumerable.Range(0, rows.RowCount).Select(i => (Model: model[i]!, Portfolio: portfolio[i]!)).Distinct())
        {
            var svg = report.GetElementById(BacktestReport.ChartId(key.Model, key.Portfolio))!.QuerySelector("svg")!;
            var mine = Enumerable.Range(0, rows.RowCount).Where(i => model[i] == key.Model && portfolio[i] == key.Portfolio).ToList();
            var circles = svg.QuerySelectorAll("ellipse").Count(e => e.GetAttribute("stroke") == "#E69F00" && e.GetAttribute("fill") == "none");
            var triangles = svg.QuerySelectorAll("path").Count(e => e.GetAttribute("fill") == "#D55E00");
            Assert.Equal(mine.Count(i => varFlag[i] == 1.0) + 1, circles);
            Assert.Equal(mine.Count(i => flag[i] == 1.0) + 1, triangles);
            none += mine.Any(i => flag[i] == 1.0) ? 0 : 1;
        }

        output.WriteLine($"{none} charts without a requirement exceedance (legend marker only)");
    }

    [Theory]
    [InlineData(BacktestTables.SummaryFile)]
    [InlineData(BacktestTables.RowsFile)]
    [InlineData(ResultFiles.RunRecord)]
    public void Missing_file_is_an_input_error_naming_it_and_nothing_is_written(string file)
    {
        var folder = run.Copy("missing-" + file);
        File.Delete(Path.Combine(folder, file));
        var target = Path.Combine(folder, BacktestReport.FileName);

        var error = Assert.Throws<Core.Input.InputException>(() => BacktestReport.WriteAsync(folder, target).GetAwaiter().GetResult());

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Theory]
    [InlineData(BacktestTables.SummaryFile)]
    [InlineData(BacktestTables.RowsFile)]
    [InlineData(ResultFiles.RunRecord)]
    public void Truncated_file_is_an_input_error_naming_it_and_nothing_is_written(string file)
    {
        var folder = run.Copy("truncated-" + file);
        var path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var target = Path.Combine(folder, BacktestReport.FileName);

        var error = Assert.Throws<Core.Input.InputException>(() => BacktestReport.WriteAsync(folder, target).GetAwaiter().GetResult());

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }
}
