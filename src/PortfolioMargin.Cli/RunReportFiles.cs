using System.Diagnostics;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm run --report`: report-detail.parquet (the report's accounts' loss histograms and stress grids, before run.json,
/// which lists it among the outputs) and report.html (after run.json, which it reads), both into the staged folder,
/// so they appear with the results or not at all.
/// </summary>
internal static class RunReportFiles
{
    public static void WriteDetail(RunDirectory folder, MarginRunResult result, IReadOnlyDictionary<string, string> metadata)
    {
        if (result.Details is not { } details)
        {
            return;
        }

        // The same accounts the report will give a section to with the default --top.
        var choice = ReportAccounts.Choose(
            [.. result.Accounts.Select(a => (a.Account, a.Requirement.InitialMargin, a.Status == AccountStatus.Liquidation))], ReportAccounts.DefaultTop);
        var chosen = choice.All.Select(details.GetValueOrDefault).OfType<AccountDetail>().ToList();
        ReportDetailFile.WriteAsync(folder.PathOf(ResultFiles.ReportDetail), chosen, metadata).GetAwaiter().GetResult();
    }

    public static void WriteReport(RunDirectory folder, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        MarginReport.WriteAsync(folder.Staging, folder.PathOf(ResultFiles.Report)).GetAwaiter().GetResult();
        stderr.WriteLine($"report: {ResultFiles.Report} written in {clock.Elapsed.TotalSeconds:F2} s");
    }
}
