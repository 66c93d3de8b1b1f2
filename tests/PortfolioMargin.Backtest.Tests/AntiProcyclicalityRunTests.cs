using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// The tools through a whole backtest: calm (15% vol) for 300 rows, a crash (a 12% fall into 70% vol) for 40,
/// then calm again. FHS's 120-day window forgets the stress 120 rows after it ends, and its requirement falls
/// back to the calm level: the stressed-period weight and the ten-year floor keep part of it, the buffer damps
/// the jump into the crash. The core model (VaR, ES) is the same with or without tools.
/// </summary>
public class AntiProcyclicalityRunTests
{
    private const int Crash = 300;
    private const int Calm = 340;
    private const int Dates = 700;

    private static readonly MarginModelSpec Fhs = MarginModel.Fhs;
    private static readonly MarginModelSpec Buffered = new(MarginModel.Fhs, AntiProcyclicalityTools.Buffer);
    private static readonly MarginModelSpec Stressed = new(MarginModel.Fhs, AntiProcyclicalityTools.Stress);
    private static readonly MarginModelSpec LongRun = new(MarginModel.Fhs, AntiProcyclicalityTools.TenYear);

    private static readonly Lazy<(BacktestResult Result, MarketHistory History, BacktestSettings Settings)> Run = new(() =>
    {
        var calm = SyntheticHistory.Lognormal(["AAA"], [100.0], Dates, t => t is >= Crash and < Calm ? 0.7 : 0.15, 0.0, seed: 9);
        var spot = (double[])calm.Spot.Clone();
        for (var t = Crash; t < Dates; t++)
        {
            spot[t] *= Math.Exp(-0.12);
        }

        var history = calm with { Spot = spot };
        var settings = new BacktestSettings
        {
            Models = [Fhs, Buffered, Stressed, LongRun],
            AntiProcyclicality = new AntiProcyclicality { StressWindowDays = 120 },
            Paths = 2_000,
            WindowDays = 120,
            HorizonRows = 1,
            EsTestSimulations = 20,
        };
        using var host = new HostBackend();
        return (new BacktestRunner(host).Run(history, [new Position("long", Instrument.Spot("AAA"), 100, 1)], settings), history, settings);
    });

    private static BacktestRow[] Rows(MarginModelSpec model) => [.. Run.Value.Result.Rows.Where(r => r.Model == model).OrderBy(r => r.Date)];

    [Fact]
    public void Tools_change_the_requirement_only()
    {
        var fhs = Rows(Fhs);
        foreach (var model in new[] { Buffered, Stressed, LongRun })
        {
            var rows = Rows(model);
            Assert.Equal(fhs.Select(r => r.Date), rows.Select(r => r.Date));
            Assert.Equal(fhs.Select(r => r.ValueAtRisk), rows.Select(r => r.ValueAtRisk));
            Assert.Equal(fhs.Select(r => r.ExpectedShortfall), rows.Select(r => r.ExpectedShortfall));
            Assert.All(rows.Zip(fhs), p => Assert.True(p.First.Requirement >= p.Second.Requirement, $"{model} on {p.First.Date}"));
        }

        Assert.Equal(Run.Value.Settings.AntiProcyclicality.Buffered([.. fhs.Select(r => r.Requirement)]), Rows(Buffered).Select(r => r.Requirement));

        var summaries = Run.Value.Result.Summaries;
        Assert.Equal(summaries.Single(s => s.Model == Fhs).Kupiec, summaries.Single(s => s.Model == Buffered).Kupiec);
    }

    [Fact]
    public void The_buffer_damps_the_jump_into_the_crash()
    {
        var fhs = Procyclicality.LargestIncrease([.. Rows(Fhs).Select(r => r.Requirement)], 1);
        var buffered = Procyclicality.LargestIncrease([.. Rows(Buffered).Select(r => r.Requirement)], 1);
        Assert.True(buffered.LargestAbsolute < fhs.LargestAbsolute, $"buffered {buffered.LargestAbsolute:F2} against {fhs.LargestAbsolute:F2}");
        Assert.True(buffered.LargestRelative < fhs.LargestRelative, $"buffered {buffered.LargestRelative:P1} against {fhs.LargestRelative:P1}");
    }

    [Fact]
    public void The_stress_weight_and_the_ten_year_floor_keep_margin_up_after_the_window_forgets_the_crash()
    {
        // From 140 rows after the stress ends FHS's window holds calm days only.
        var after = Run.Value.History.Dates[Calm + 140];
        var fhs = Rows(Fhs).Where(r => r.Date >= after).ToArray();
        var stressed = Rows(Stressed).Where(r => r.Date >= after).ToArray();
        var longRun = Rows(LongRun).Where(r => r.Date >= after).ToArray();
        Assert.NotEmpty(fhs);

        // The stressed ES is several times the calm one: 0.75 R + 0.25 S is well above R.
        Assert.All(stressed.Zip(fhs), p => Assert.True(p.First.Requirement > 1.3 * p.Second.Requirement, $"{p.First.Date}: {p.First.Requirement:F1} against {p.Second.Requirement:F1}"));

        // The long-run vol holds 40 days of 70% among some 400 of 15%: about 1.6 times the calm vol.
        Assert.All(longRun.Zip(fhs), p => Assert.True(p.First.Requirement > 1.3 * p.Second.Requirement, $"{p.First.Date}: {p.First.Requirement:F1} against {p.Second.Requirement:F1}"));

        // Procyclicality: a smaller peak-to-trough ratio.
        double Ratio(MarginModelSpec model) => Procyclicality.PeakToTroughRatio([.. Rows(model).Select(r => r.Requirement)]).Ratio;
        Assert.True(Ratio(Stressed) < Ratio(Fhs), $"{Ratio(Stressed):F2} against {Ratio(Fhs):F2}");
        Assert.True(Ratio(LongRun) < Ratio(Fhs), $"{Ratio(LongRun):F2} against {Ratio(Fhs):F2}");
    }

    [Fact]
    public void The_run_says_which_stressed_period_it_chose()
    {
        // The crash's return is row 299 (into date 300): the 120-return window with the most stress holds the crash
        // and the stressed returns after it, so its dates lie around the crash (the real check). The window's
        // length is the configured one: its first and last dates are 119 dates apart.
        var (first, last) = Run.Value.Result.StressedPeriod!.Value;
        var dates = Run.Value.History.Dates.ToList();
        Assert.True(first <= dates[Crash] && last >= dates[Calm - 1], $"{first} … {last}");
        Assert.Equal(119, dates.IndexOf(last) - dates.IndexOf(first));
    }
}
