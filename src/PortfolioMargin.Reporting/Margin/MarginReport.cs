using System.Globalization;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Reporting.Html;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// `pm report`: the HTML report of one end-of-day run folder, written whole or not at all (a temporary file beside
/// the target, renamed into place). docs/report.md says what is in it.
/// </summary>
public static class MarginReport
{
    /// <summary>Reads <paramref name="runFolder"/> and writes its report to <paramref name="output"/>; returns the path written.</summary>
    /// <exception cref="InputException">A file of the run is missing, truncated or not what it should be; nothing is written.</exception>
    public static async Task<string> WriteAsync(string runFolder, string output, int top = ReportAccounts.DefaultTop, string? eventsPath = null, CancellationToken cancellation = default)
    {
        var folder = await RunFolder.ReadAsync(runFolder, eventsPath, cancellation);
        var html = Render(folder, top);
        return await ReportFile.WriteAsync(output, html, cancellation);
    }

    public static string Render(RunFolder folder, int top)
    {
        var accounts = new AccountTable(folder.Accounts);
        var config = folder.Record["config"];
        var currency = folder.Market?.Currency ?? "currency";
        var maintenanceRatio = config?["maintenanceRatio"]?.GetValue<double>() ?? 0.8;
        var horizonDays = config?["horizonDays"]?.GetValue<double>() ?? double.NaN;
        var initial = accounts["initial_margin"];
        var choice = ReportAccounts.Choose([.. Enumerable.Range(0, accounts.Count).Select(i => (accounts.Ids[i], initial[i] ?? 0.0, accounts.Status[i] == "liquidation"))], top);
        var anchors = choice.All.ToDictionary(a => a, AccountSection.AnchorOf, StringComparer.Ordinal);

        var runId = folder.Record["runId"]?.GetValue<string>() ?? Path.GetFileName(folder.Path);
        var page = new HtmlPage($"Margin report: run {runId}")
        {
            // Not the folder's path: `pm run --report` writes the report inside a staging folder that is then renamed.
            Subtitle = $"{accounts.Count:N0} accounts, {folder.Positions.RowCount:N0} positions; market as of {folder.Market?.AsOf.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(snapshot not available)"}; finished {folder.Record["finishedAt"]?.GetValue<string>()}",
        };
        page.Section("run", "The run", RunSection.Render(folder.Record));
        page.Section("book", "The book", BookSection.Render(accounts, maintenanceRatio, currency, anchors.GetValueOrDefault));
        page.Section("underlyings", "Per underlying", UnderlyingSection.Render(folder.Positions, folder.Market, folder.MarketNote, currency));
        page.Section("accounts", "Accounts", AccountIndex(accounts, choice, top, currency, folder.Details is not null));

        // Each section's charts are drawn on its own thread: on a big book the sections are most of the time.
        var sections = new AccountSection(accounts, folder.Positions, folder.Strategies, currency, horizonDays);
        var positionRows = RowsOf(folder.Positions.Text("account"), anchors);
        var strategyRows = folder.Strategies is null ? [] : RowsOf(folder.Strategies.Text("account"), anchors);
        var chosen = choice.All.ToList();
        var rendered = new string[chosen.Count];
        Parallel.For(0, chosen.Count, i => rendered[i] = sections.Render(
            chosen[i], positionRows.GetValueOrDefault(chosen[i]) ?? [], strategyRows.GetValueOrDefault(chosen[i]) ?? [], folder.Details?.GetValueOrDefault(chosen[i])));
        for (var i = 0; i < chosen.Count; i++)
        {
            var status = accounts.Status[accounts.Row[chosen[i]]];
            page.Section(anchors[chosen[i]], $"Account {chosen[i]} ({status})", rendered[i], inContents: false);
        }

        if (folder.Events is { } events)
        {
            page.Section("events", "Margin events", EventsSection.Render(events, currency));
        }

        return page.Render();
    }

    private static string AccountIndex(AccountTable accounts, ReportAccounts.Choice choice, int top, string currency, bool detailRecorded)
    {
        var table = new HtmlTable("account-index",
            HtmlColumn.Text("account", "account"), HtmlColumn.Text("why", "shown because"), HtmlColumn.Text("status", "status"),
            HtmlColumn.Number("initial_margin", "IM", currency), HtmlColumn.Number("excess", "excess", currency));
        foreach (var (account, why) in choice.Top.Select((a, k) => (a, $"IM rank {k + 1}")).Concat(choice.Liquidations.Select(a => (a, "liquidation"))))
        {
            var row = accounts.Row[account];
            table.Row(HtmlCell.Link(account, "#" + AccountSection.AnchorOf(account)), HtmlCell.Text(why), HtmlCell.Text(accounts.Status[row]),
                HtmlCell.Amount(accounts.Value("initial_margin", row)), HtmlCell.Amount(accounts.Value("excess", row)));
        }

        var intro = Html.Html.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"A section for each of the {choice.Top.Count} largest initial margins (--top {top}) and for each account in liquidation, up to {ReportAccounts.MaxLiquidationSections}."));
        var omitted = choice.LiquidationsOmitted > 0
            ? Html.Html.Note($"{choice.LiquidationsOmitted:N0} more accounts in liquidation have no section of their own; the book's liquidation list has them all.")
            : "";
        var detail = detailRecorded ? "" : Html.Html.Note("This run did not record loss distributions or full stress grids (report-detail.parquet is absent: run with `pm run --report`); the sections show the figures of accounts.parquet.");
        return intro + omitted + detail + table.Render();
    }

    private static Dictionary<string, List<int>> RowsOf(string?[] accountColumn, IReadOnlyDictionary<string, string> wanted)
    {
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < accountColumn.Length; i++)
        {
            if (accountColumn[i] is { } account && wanted.ContainsKey(account))
            {
                (rows.TryGetValue(account, out var list) ? list : rows[account] = []).Add(i);
            }
        }

        return rows;
    }
}
