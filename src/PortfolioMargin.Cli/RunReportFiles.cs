using System.Diagnostics;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm run --report`: report.html, drawn after run.json (which it reads) into the staged folder, so it appears with
/// the results or not at all; report-detail.parquet comes with the other tables (<see cref="ResultTables"/>).
/// </summary>
internal static class RunReportFiles
{
    public static void WriteReport(RunDirectory folder, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        MarginReport.WriteAsync(folder.Staging, folder.PathOf(ResultFiles.Report)).GetAwaiter().GetResult();
        stderr.WriteLine($"report: {ResultFiles.Report} written in {clock.Elapsed.TotalSeconds:F2} s");
    }
}
