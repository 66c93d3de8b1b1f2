using System.Globalization;
using AngleSharp.Html.Parser;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Silo.Market;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>A run folder with an events.parquet (what the intraday event log writes) gets the margin events timeline.</summary>
public sealed class EventsReportTests(SampleRunFixture run) : IClassFixture<SampleRunFixture>
{
    [Fact]
    public async Task Events_file_gives_a_timeline_and_a_list_of_its_rows()
    {
        var folder = run.Copy("events");
        var start = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
        StatusChange[] events =
        [
            new("ACC0001", start, "healthy", "margin-call", 900.0, 1_000.0, 800.0, "tick AAPL"),
            new("ACC0002", start.AddMinutes(5), "margin-call", "liquidation", 700.0, 1_000.0, 800.0, "tick TSLA"),
            new("ACC0001", start.AddMinutes(9), "margin-call", "healthy", 1_200.0, 1_000.0, 800.0, "tick AAPL"),
        ];
        await EventsFile.WriteAsync(Path.Combine(folder, ResultFiles.Events), events);

        var path = await MarginReport.WriteAsync(folder, Path.Combine(folder, "events.html"));

        var report = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(path));
        Assert.NotNull(report.GetElementById("events-timeline"));
        var rows = report.GetElementById("events-list")!.QuerySelectorAll("tbody tr");
        Assert.Equal(events.Select(e => e.Account), rows.Select(r => r.Children[1].TextContent));
        Assert.Equal(events.Select(e => e.NewStatus), rows.Select(r => r.Children[3].TextContent));
        Assert.Equal(events.Select(e => e.Equity), rows.Select(r => double.Parse(r.Children[4].GetAttribute("data-value")!, CultureInfo.InvariantCulture)));
        Assert.NotNull(report.QuerySelector("nav a[href='#events']"));
    }
}
