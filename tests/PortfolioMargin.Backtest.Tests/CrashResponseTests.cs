using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// A calm history (15% vol) breaks on one date with a 12% fall (a 13-sigma day at the calm vol) into a stressed
/// market (70% vol). Both models scale by the same EWMA vol, which the fall lifts about 3.3-fold at once, but
/// FHS's window also holds the crash day itself, a 13-sigma residual revolatilised by today's vol, which lands in
/// its 1% tail: its requirement rises at once by far more than that. EWMA's normal model scales a calm 2.67-sigma
/// tail by the vol alone and lags. Asserted: on the crash date and on each of the ten dates after it, FHS's
/// requirement stands higher over its pre-crash level than EWMA's does over its own.
/// </summary>
public class CrashResponseTests
{
    private const int Crash = 330;
    private const double CrashReturn = -0.12;

    [Fact]
    public void Fhs_requirement_rises_with_the_crash_and_ewma_lags_it()
    {
        var calm = SyntheticHistory.Lognormal(["AAA"], [100.0], 400, t => t < Crash ? 0.15 : 0.7, 0.0, seed: 5);
        var spot = (double[])calm.Spot.Clone();
        for (var t = Crash; t < calm.DateCount; t++)
        {
            spot[t] *= Math.Exp(CrashReturn);
        }

        var history = calm with { Spot = spot };
        Position[] book = [new("long", Instrument.Spot("AAA"), 100, 1)];
        var settings = new BacktestSettings { Models = [MarginModel.Ewma, MarginModel.Fhs], Paths = 2_000, WindowDays = 250, HorizonRows = 1, EsTestSimulations = 20 };

        using var host = new HostBackend();
        var result = new BacktestRunner(host).Run(history, book, settings);

        double[] RiseOverPreCrash(MarginModel model)
        {
            var rows = result.Rows.Where(r => r.Model == model).ToArray();
            var first = Array.FindIndex(rows, r => r.Date == history.Dates[Crash]);
            var before = rows[(first - 20)..first].Average(r => r.Requirement);
            return [.. rows[first..(first + 11)].Select(r => r.Requirement / before)];
        }

        var ewma = RiseOverPreCrash(MarginModel.Ewma);
        var fhs = RiseOverPreCrash(MarginModel.Fhs);
        var text = $"EWMA ×[{string.Join(", ", ewma.Select(r => r.ToString("F2")))}], FHS ×[{string.Join(", ", fhs.Select(r => r.ToString("F2")))}]";

        // The fall lifts the EWMA vol by about √(0.94 + 0.06·(0.12/0.00945)²) ≈ 3.3: both models rise at once.
        Assert.True(ewma[0] > 2.5, text);
        Assert.True(fhs[0] > 1.5 * ewma[0], text);
        Assert.All(Enumerable.Range(0, 11), k => Assert.True(fhs[k] > ewma[k], $"day {k}: {text}"));
    }
}
