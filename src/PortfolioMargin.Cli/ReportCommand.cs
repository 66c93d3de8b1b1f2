using System.Diagnostics;
using PortfolioMargin.Reporting.Backtest;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// `pm report RUN_DIR`: the run's HTML report (docs/report.md). Exit codes: 0 written, 2 a file of the run is missing,
/// truncated or unreadable (named; nothing written), 1 the report could not be written.
/// </summary>
internal static class ReportCommand
{
    public static int Execute(string runFolder, string? output, int top, string? events, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // A backtest folder (pm backtest) has its own report; an end-of-day run folder has the margin report.
            var path = File.Exists(Path.Combine(runFolder, BacktestTables.RowsFile))
                ? BacktestReport.WriteAsync(runFolder, output ?? Path.Combine(runFolder, BacktestReport.FileName)).GetAwaiter().GetResult()
                : MarginReport.WriteAsync(runFolder, output ?? Path.Combine(runFolder, ResultFiles.Report), top, events).GetAwaiter().GetResult();
            stdout.WriteLine($"report: {path} ({new FileInfo(path).Length / 1024.0:N0} kB, {clock.Elapsed.TotalSeconds:F2} s)");
            return RunCommand.Success;
        }
        catch (Exception error) when (VerbErrors.IsExpected(error))
        {
            return VerbErrors.Report(error, stderr);
        }
    }
}
