using System.Diagnostics;
using PortfolioMargin.Cli;
using PortfolioMargin.Cli.Backtest;
using PortfolioMargin.Engine;
using PortfolioMargin.Reporting.Backtest;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Reporting.Tests;

/// <summary>
/// One `pm backtest --models implied,ewma --paths 1000` of the bundled sample history (host backend) and its report,
/// shared by the tests of a class; each test copies the folder before it changes anything in it.
/// </summary>
public sealed class BacktestRunFixture : IDisposable
{
    public BacktestRunFixture()
    {
        var stderr = new StringWriter();
        var request = new BacktestRequest(null, null, null, "implied,ewma", null, null, null, null, 1_000, null, Output, false,
            HistoryFill.None, false, false, DeviceKind.Host, true, ["pm", "backtest", "--models", "implied,ewma", "--paths", "1000"]);
        var code = BacktestCommand.Execute(request, new StringWriter(), stderr);
        if (code != RunCommand.Success)
        {
            throw new InvalidOperationException($"the sample backtest failed ({code}): {stderr}");
        }

        var clock = Stopwatch.StartNew();
        BacktestReport.WriteAsync(Output, Report).GetAwaiter().GetResult();
        RenderTime = clock.Elapsed;
    }

    public string Scratch { get; } = Directory.CreateTempSubdirectory("pm-btreport-").FullName;

    public string Output => Path.Combine(Scratch, "backtest");

    public string Report => Path.Combine(Output, BacktestReport.FileName);

    /// <summary>How long reading the folder and writing the report took (the tests print it).</summary>
    public TimeSpan RenderTime { get; }

    /// <summary>A copy of the backtest's folder (without its report) to break or change.</summary>
    public string Copy(string name)
    {
        var copy = Path.Combine(Scratch, name);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Output).Where(f => Path.GetFileName(f) != BacktestReport.FileName))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}
