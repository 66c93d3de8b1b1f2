using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Reporting.Backtest;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>
/// A backtest folder written directly (BacktestTables from made-up rows): the cases the sample does not have, a
/// requirement that is zero throughout (no relative rise, an infinite peak-to-trough) and a currency other than USD.
/// </summary>
public sealed class SyntheticBacktestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-btreport-synthetic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task WriteAsync(string kind = "backtest")
    {
        var start = new DateOnly(2024, 1, 1);
        var rows = new List<BacktestRow>();
        for (var d = 0; d < 40; d++)
        {
            // "flat" exceeds its VaR every 10th date and its requirement every 20th; "zero" posts nothing.
            var loss = d % 20 == 0 ? 150.0 : d % 10 == 0 ? 110.0 : 10.0 * Math.Sin(d);
            rows.Add(new BacktestRow(start.AddDays(d), MarginModel.Ewma, "flat", 100, 120, 120 + d, loss));
            rows.Add(new BacktestRow(start.AddDays(d), MarginModel.Ewma, "zero", 0, 0, 0, 5));
        }

        var test = new LikelihoodRatioTest(1.5, 1, 0.22);
        BacktestSummary Summary(string portfolio, PeakToTrough peak, IReadOnlyList<RequirementIncrease> increases) => new(
            MarginModel.Ewma, portfolio, start, start.AddDays(39), 40, 40, 4, 0.4, test, test, test, TrafficLightZone.Yellow, 0, 0, 0,
            new MarginCoverage(40, 38, 0.95, new ProportionInterval(0.83, 0.99, 0.95)), new ExpectedShortfallBacktest(0.3, 0.04, 0, 1, 100), 40, peak, increases);
        var summaries = new[]
        {
            Summary("flat", new PeakToTrough(159.0 / 120, 39, 159, 0, 120), [new RequirementIncrease(1, 1, 0, 1.0 / 120, 0), new RequirementIncrease(5, 5, 0, 5.0 / 120, 0), new RequirementIncrease(30, 30, 0, 0.25, 0)]),
            Summary("zero", new PeakToTrough(double.PositiveInfinity, 0, 0, 0, 0), [new RequirementIncrease(1, 0, 0, double.NaN, -1), new RequirementIncrease(5, 0, 0, double.NaN, -1)]),
        };
        await BacktestTables.WriteAsync(name => Path.Combine(_folder, name), rows, summaries, ResultMetadata.Backtest("synthetic", "EUR"));
        var record = new JsonObject
        {
            ["runId"] = "synthetic",
            ["kind"] = kind,
            ["settings"] = new JsonObject { ["models"] = new JsonArray("ewma"), ["confidence"] = 0.99, ["horizonRows"] = 1, ["paths"] = 100 },
        };
        await File.WriteAllTextAsync(Path.Combine(_folder, ResultFiles.RunRecord), record.ToJsonString());
    }

    [Fact]
    public async Task Money_is_in_the_footers_currency()
    {
        await WriteAsync();

        var html = BacktestReport.Render(await BacktestFolder.ReadAsync(_folder));

        var report = new HtmlParser().ParseDocument(html);
        Assert.Contains("(EUR)", report.GetElementById(BacktestReport.ChartId("ewma", "flat"))!.QuerySelector("svg")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(EUR)", report.QuerySelector("#procyclicality th[data-key='peak_requirement']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("USD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_requirement_has_dashes_for_its_relative_rises_and_an_infinite_peak_to_trough()
    {
        await WriteAsync();

        var report = new HtmlParser().ParseDocument(BacktestReport.Render(await BacktestFolder.ReadAsync(_folder)));

        var row = report.QuerySelector("#procyclicality tr[data-key='ewma/zero']")!;
        var keys = report.QuerySelectorAll("#procyclicality thead th").Select(th => th.GetAttribute("data-key")).ToList();
        string Shown(string key) => row.Children[keys.IndexOf(key)].TextContent;
        foreach (var key in new[] { "largest_increase_1d_relative", "largest_increase_5d_relative", "largest_increase_30d_relative" })
        {
            Assert.Equal(ProcyclicalitySection.NoRelative, Shown(key));
            Assert.Equal(ProcyclicalitySection.NoRelativeTitle, row.Children[keys.IndexOf(key)].GetAttribute("title"));
        }

        Assert.Equal("∞", Shown("peak_to_trough"));
        var flat = report.QuerySelector("#procyclicality tr[data-key='ewma/flat']")!;
        Assert.Equal("25.0%", flat.Children[keys.IndexOf("largest_increase_30d_relative")].TextContent);
    }

    [Fact]
    public async Task Chart_marks_each_flagged_date()
    {
        await WriteAsync();

        var folder = await BacktestFolder.ReadAsync(_folder);
        var series = BacktestSeries.Split(folder.Rows, folder.Dates).Single(s => s.Portfolio == "flat");
        var data = BacktestChart.DataOf(series);

        Assert.Equal(40, data.Requirement.Count);
        Assert.Equal([0, 10, 20, 30], data.VarExceedances.X.Select(x => (DateOnly.FromDateTime(DateTime.FromOADate(x)).DayNumber - new DateOnly(2024, 1, 1).DayNumber)));
        Assert.Equal([0, 20], data.RequirementExceedances.X.Select(x => (DateOnly.FromDateTime(DateTime.FromOADate(x)).DayNumber - new DateOnly(2024, 1, 1).DayNumber)));
        Assert.Equal([150.0, 150.0], data.RequirementExceedances.Y);
    }

    [Fact]
    public async Task A_run_json_of_another_kind_is_named()
    {
        await WriteAsync(kind: "margin");

        var error = await Assert.ThrowsAsync<InputException>(() => BacktestReport.WriteAsync(_folder, Path.Combine(_folder, BacktestReport.FileName)));

        Assert.Contains(ResultFiles.RunRecord, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, BacktestReport.FileName)));
    }

    [Fact]
    public async Task An_end_of_day_run_folder_is_named_as_one()
    {
        // An end-of-day run's run.json has no kind; its folder has accounts.parquet and no backtest.parquet.
        await File.WriteAllTextAsync(Path.Combine(_folder, ResultFiles.RunRecord), "{\"runId\":\"eod\"}");
        await File.WriteAllTextAsync(Path.Combine(_folder, ResultFiles.Accounts), "");

        var error = await Assert.ThrowsAsync<InputException>(() => BacktestFolder.ReadAsync(_folder));

        Assert.Contains(ResultFiles.RunRecord, error.Message, StringComparison.Ordinal);
        Assert.Contains("end-of-day run", error.Message, StringComparison.Ordinal);
    }
}
