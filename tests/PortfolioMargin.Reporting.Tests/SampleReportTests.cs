using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>The report `pm run --report` writes for the sample: every section is there and its numbers are the files'.</summary>
public sealed class SampleReportTests(SampleRunFixture run) : IClassFixture<SampleRunFixture>
{
    private IDocument Report() => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(run.Output, ResultFiles.Report)));

    private ColumnTable Accounts() => ColumnTable.ReadAsync(Path.Combine(run.Output, ResultFiles.Accounts)).GetAwaiter().GetResult();

    private static double ValueOf(IElement cell) => double.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Report_has_the_run_the_book_the_underlyings_and_the_accounts()
    {
        var report = Report();

        foreach (var id in new[] { "run", "book", "underlyings", "accounts", "book-histogram", "book-scatter", "underlyings-delta", "run-inputs", "run-timings" })
        {
            Assert.NotNull(report.GetElementById(id));
        }

        // Self-contained: no stylesheet, script or image is fetched from anywhere.
        Assert.Empty(report.QuerySelectorAll("link[href], script[src], img[src]"));
        Assert.All(report.QuerySelectorAll("section svg"), svg => Assert.Equal("img", svg.GetAttribute("role")));
    }

    [Fact]
    public void Run_section_shows_what_run_json_records()
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Output, ResultFiles.RunRecord)))!;
        var settings = Report().GetElementById("run-settings")!.QuerySelectorAll("tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);

        Assert.Equal(record["seed"]!.ToJsonString(), settings["seed"]);
        Assert.Equal("2000", settings["paths"]);
        Assert.Equal(record["engineCommit"]!.GetValue<string>(), settings["engine commit"]);
        Assert.Equal(record["device"]!.GetValue<string>(), settings["device"]);
        var hashes = Report().GetElementById("run-inputs")!.QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent);
        Assert.Equal(record["inputs"]!.AsArray().Select(i => i!["sha256"]!.GetValue<string>()), hashes);
    }

    [Fact]
    public void Book_totals_and_status_counts_equal_the_accounts_file()
    {
        var accounts = Accounts();
        var report = Report();
        var totals = report.GetElementById("book-totals")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => ValueOf(r.Children[1]));

        Assert.Equal(accounts.Number("initial_margin").Sum(v => v ?? 0.0), totals["initial margin"]);
        Assert.Equal(accounts.Number("equity").Sum(v => v ?? 0.0), totals["equity"]);
        Assert.Equal(accounts.Number("excess").Sum(v => v ?? 0.0), totals["excess (equity − IM)"]);
        var counts = report.GetElementById("book-status-counts")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => ValueOf(r.Children[1]));
        foreach (var status in new[] { "healthy", "margin-call", "liquidation" })
        {
            Assert.Equal(accounts.Text("status").Count(s => s == status), counts[status]);
            Assert.Equal(counts[status], report.GetElementById($"book-list-{status}")?.QuerySelectorAll("tbody tr").Length ?? 0);
        }
    }

    [Fact]
    public void Each_account_section_shows_its_row_of_the_accounts_file()
    {
        var accounts = Accounts();
        var ids = accounts.Text("account");
        var report = Report();
        var shown = report.GetElementById("account-index")!.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).ToList();

        // The ten largest requirements, then every liquidation (the sample has fewer than the cap).
        var initial = accounts.Number("initial_margin");
        var largest = Enumerable.Range(0, accounts.RowCount).OrderByDescending(i => initial[i]).ThenBy(i => ids[i], StringComparer.Ordinal).Take(10).Select(i => ids[i]).ToList();
        Assert.Equal(largest, shown.Take(10));
        var liquidations = Enumerable.Range(0, accounts.RowCount).Where(i => accounts.Text("status")[i] == "liquidation").Select(i => ids[i]!);
        Assert.Subset(shown.ToHashSet(), liquidations.ToHashSet());

        foreach (var account in shown)
        {
            var row = Array.IndexOf(ids, account);
            var summary = report.GetElementById($"{AccountSection.AnchorOf(account)}-summary")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.GetAttribute("data-key")!, r => ValueOf(r.Children[1]));
            foreach (var column in new[] { "initial_margin", "maintenance_margin", "es", "var", "stress_loss", "equity", "excess", "strategy_margin", "capital_saving" })
            {
                Assert.Equal(accounts.Number(column)[row], summary[column]);
            }

            var greeks = report.GetElementById($"{AccountSection.AnchorOf(account)}-greeks")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.GetAttribute("data-key")!, r => ValueOf(r.Children[1]));
            Assert.Equal(accounts.Number("delta")[row], greeks["delta"]);
            Assert.Equal(accounts.Number("vega")[row], greeks["vega"]);
        }
    }

    [Fact]
    public async Task Recorded_detail_is_drawn_and_agrees_with_the_accounts_file()
    {
        var accounts = Accounts();
        var ids = accounts.Text("account");
        var details = await ReportDetailFile.ReadAsync(Path.Combine(run.Output, ResultFiles.ReportDetail));
        var report = Report();

        Assert.NotEmpty(details);
        foreach (var (account, detail) in details)
        {
            var row = Array.IndexOf(ids, account);

            // Every path lands in one bin; the grid's worst cell is the stress loss the requirement used, to the bit.
            Assert.Equal(2_000, detail.PathCounts.Sum());
            Assert.Equal(accounts.Number("stress_loss")[row], detail.Stress.Max(c => c.Loss));
            Assert.True(detail.LossLowest + detail.BinWidth * detail.PathCounts.Length >= accounts.Number("var")[row]);
            Assert.NotNull(report.GetElementById($"{AccountSection.AnchorOf(account)}-distribution"));

            // The heat map shows every grid point's loss from the file, and outlines the one the requirement used.
            var grid = report.GetElementById($"{AccountSection.AnchorOf(account)}-stress")!;
            Assert.Equal(detail.Stress.Select(c => c.Loss).Order(), grid.QuerySelectorAll("td").Select(ValueOf).Order());
            Assert.Equal(accounts.Number("stress_loss")[row], ValueOf(grid.QuerySelector("td.marked")!));
        }
    }

    [Fact]
    public async Task Positions_tables_show_the_largest_es_contributors_of_the_positions_file()
    {
        var positions = await ColumnTable.ReadAsync(Path.Combine(run.Output, ResultFiles.Positions));
        var report = Report();
        var account = report.GetElementById("account-index")!.QuerySelector("tbody tr")!.Children[0].TextContent;
        var own = Enumerable.Range(0, positions.RowCount).Where(i => positions.Text("account")[i] == account).ToList();
        var expected = own.Select(i => positions.Number("es_contribution")[i]!.Value).OrderDescending().Take(AccountSection.MaxPositions);

        var table = report.GetElementById($"{AccountSection.AnchorOf(account)}-positions")!;
        var column = table.QuerySelectorAll("thead th").Select(h => h.GetAttribute("data-key")).ToList().IndexOf("es_contribution");
        Assert.Equal(expected, table.QuerySelectorAll("tbody tr").Select(r => ValueOf(r.Children[column])));
    }

    [Fact]
    public async Task Without_the_market_snapshot_the_underlyings_stay_in_underlying_units_and_say_why()
    {
        var folder = run.Copy("no-market");
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!.AsObject();
        var market = record["inputs"]!.AsArray().First(i => i!["role"]!.GetValue<string>() == "market")!;
        market["path"] = Path.Combine(folder, "gone", "market.json");
        File.WriteAllText(Path.Combine(folder, ResultFiles.RunRecord), record.ToJsonString());

        var path = await MarginReport.WriteAsync(folder, Path.Combine(folder, "r.html"));

        var underlyings = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(path)).GetElementById("underlyings")!;
        Assert.Contains("is not on this machine", underlyings.TextContent, StringComparison.Ordinal);
        Assert.Contains("(underlying units)", underlyings.QuerySelector("thead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_recorded_detail_still_reports_and_says_so()
    {
        var folder = run.Copy("no-detail");
        File.Delete(Path.Combine(folder, ResultFiles.ReportDetail));
        File.Delete(Path.Combine(folder, ResultFiles.Report));
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!.AsObject();
        record["outputs"]!.AsObject().Remove(ResultFiles.ReportDetail);
        File.WriteAllText(Path.Combine(folder, ResultFiles.RunRecord), record.ToJsonString());

        var path = await MarginReport.WriteAsync(folder, Path.Combine(folder, "r.html"));

        var report = new HtmlParser().ParseDocument(File.ReadAllText(path));
        Assert.Contains("report-detail.parquet is absent", report.GetElementById("accounts")!.TextContent, StringComparison.Ordinal);
        var sections = report.QuerySelectorAll("section[id^='account-']");
        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.Contains("did not record this account's loss distribution", s.TextContent, StringComparison.Ordinal));
        Assert.Empty(report.QuerySelectorAll("figure[id$='-distribution'], table[id$='-stress']"));
    }
}
