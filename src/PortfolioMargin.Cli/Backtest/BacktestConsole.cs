using System.Globalization;
using PortfolioMargin.Core.Backtesting;
using Spectre.Console;

namespace PortfolioMargin.Cli.Backtest;

/// <summary>The coverage and procyclicality tables a backtest prints at the end, per model and portfolio.</summary>
internal static class BacktestConsole
{
    public static void Print(IReadOnlyList<BacktestSummary> summaries, BacktestSettingsText settings, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect });
        if (writer != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        var coverage = new Table().Title(Markup.Escape($"Coverage ({settings.Observations})"));
        foreach (var column in new[] { "model", "portfolio", "obs", "VaR exc.", "expected", "Kupiec p", "Chr. ind. p", "Chr. cc p", "traffic light", "yellow/red windows", "coverage [95% CI]", "ES Z2 (p)" })
        {
            coverage.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (var s in summaries)
        {
            coverage.AddRow(
                Cell(s.Model.Name), Cell(RunReport.Printable(s.Portfolio)), Cell(s.Observations.ToString(CultureInfo.InvariantCulture)),
                Cell(s.VarExceedances.ToString(CultureInfo.InvariantCulture)), Cell(F(s.ExpectedVarExceedances, 1)),
                Cell(F(s.Kupiec.PValue, 3)), Cell(F(s.ChristoffersenIndependence.PValue, 3)), Cell(F(s.ChristoffersenConditionalCoverage.PValue, 3)),
                Cell(s.TrafficLight.ToString().ToLowerInvariant()), Cell($"{s.YellowWindows}/{s.RedWindows} of {s.TrafficLightWindows}"),
                Cell($"{F(s.Coverage.CoverageRatio, 4)} [{F(s.Coverage.Interval.Lower, 4)}, {F(s.Coverage.Interval.Upper, 4)}]"),
                Cell($"{F(s.EsTest.Z2, 3)} ({F(s.EsTest.PValue, 3)})"));
        }

        console.Write(coverage);

        var procyclicality = new Table().Title("Procyclicality of the requirement (every date)");
        foreach (var column in new[] { "model", "portfolio", "peak/trough", "peak", "trough", "max 1-day rise", "max 5-day rise", "max 30-day rise" })
        {
            procyclicality.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (var s in summaries)
        {
            procyclicality.AddRow(
                Cell(s.Model.Name), Cell(RunReport.Printable(s.Portfolio)), Cell(F(s.PeakToTrough.Ratio, 2)),
                Cell(RunReport.Money(s.PeakToTrough.Peak)), Cell(RunReport.Money(s.PeakToTrough.Trough)),
                Cell(Rise(s, 1)), Cell(Rise(s, 5)), Cell(Rise(s, 30)));
        }

        console.Write(procyclicality);
    }

    private static string Rise(BacktestSummary s, int days) =>
        s.Increases.FirstOrDefault(i => i.HorizonDays == days) is { AbsoluteStartIndex: >= 0 } i
            ? double.IsFinite(i.LargestRelative)
                ? $"{RunReport.Money(i.LargestAbsolute)} ({F(100 * i.LargestRelative, 1)}%)"
                : $"{RunReport.Money(i.LargestAbsolute)} (no material base)"
            : "n/a";

    private static Text Cell(string text) => new(text);

    private static string F(double value, int digits) =>
        double.IsFinite(value) ? value.ToString("F" + digits, CultureInfo.InvariantCulture) : value > 0 ? "inf" : "n/a";
}

/// <summary>What the tables' titles say about how the observations were taken.</summary>
internal sealed record BacktestSettingsText(string Observations);
