using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// A backtest on date t may read rows 0 … t only. Every row after t is changed (spots, vols, rates) and every
/// result priced on or before t must stay the same, bit for bit, for every model, with and without the
/// anti-procyclicality tools (the stressed period and the ten-year lookback are chosen from rows up to t); a realized loss, which looks
/// h rows ahead by definition, stays the same where its later row is still on or before t.
/// </summary>
public class NoLookAheadTests
{
    private const int Dates = 180;
    private const int Cut = 150;

    [Fact]
    public void Changing_every_row_after_a_date_changes_nothing_priced_up_to_it()
    {
        var history = SyntheticHistory.Lognormal(["AAA", "BBB"], [100.0, 50.0], Dates, _ => 0.25, 0.5, seed: 7, rate: 0.03, dividendYield: 0.01);
        var changed = SyntheticHistory.ChangedAfter(history, Cut);
        var expiry = history.Dates[40];
        Position[] book =
        [
            new("long", Instrument.Spot("AAA"), 100, 1),
            new("long", Instrument.Future("BBB", history.Dates[^1].AddDays(30)), -3, 10),
            new("options", Instrument.Option("AAA", OptionRight.Put, 95, expiry), -5, 100),
            new("options", Instrument.Option("BBB", OptionRight.Call, 52, expiry), 4, 100),
        ];
        var settings = new BacktestSettings
        {
            Models =
            [
                MarginModel.Implied, MarginModel.Ewma, MarginModel.Fhs,
                new MarginModelSpec(MarginModel.Fhs, AntiProcyclicalityTools.Stress | AntiProcyclicalityTools.TenYear | AntiProcyclicalityTools.Buffer),
                new MarginModelSpec(MarginModel.Implied, AntiProcyclicalityTools.TenYear),
            ],
            AntiProcyclicality = new AntiProcyclicality { StressWindowDays = 101 },
            Paths = 400,
            WindowDays = 110,
            HorizonRows = 2,
            EsTestSimulations = 50,
        };

        using var host = new HostBackend();
        var before = new BacktestRunner(host).Run(history, book, settings);
        var after = new BacktestRunner(host).Run(changed, book, settings);

        var cutDate = history.Dates[Cut];
        var lossKnown = history.Dates[Cut - settings.HorizonRows];
        var early = before.Rows.Where(r => r.Date <= cutDate).ToArray();
        var earlyAfter = after.Rows.Where(r => r.Date <= cutDate).ToArray();
        Assert.Equal(5, early.Select(r => r.Model).Distinct().Count());
        Assert.Equal(early.Length, earlyAfter.Length);
        for (var i = 0; i < early.Length; i++)
        {
            var (a, b) = (early[i], earlyAfter[i]);
            Assert.Equal((a.Date, a.Model, a.Portfolio), (b.Date, b.Model, b.Portfolio));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.ValueAtRisk), BitConverter.DoubleToInt64Bits(b.ValueAtRisk));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.ExpectedShortfall), BitConverter.DoubleToInt64Bits(b.ExpectedShortfall));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a.Requirement), BitConverter.DoubleToInt64Bits(b.Requirement));
            if (a.Date <= lossKnown)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.RealizedLoss), BitConverter.DoubleToInt64Bits(b.RealizedLoss));
            }
        }

        // The change is real: a date after the cut prices differently, and so does a loss that reaches past it.
        Assert.Contains(before.Rows.Zip(after.Rows), p => p.First.Date > cutDate && p.First.Requirement != p.Second.Requirement);
        Assert.Contains(before.Rows.Zip(after.Rows), p => p.First.Date > lossKnown && p.First.Date <= cutDate && p.First.RealizedLoss != p.Second.RealizedLoss);
    }
}
