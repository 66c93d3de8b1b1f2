using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// The realized loss of a linear book (spot and futures) is the P&amp;L a reader can compute from the history by
/// hand: quantity × multiplier × (later value − value now), with a future worth S·e^{(r − q)τ} at each date's own
/// rate, dividend yield and ACT/365 time to expiry.
/// </summary>
public class RealizedLossTests
{
    [Fact]
    public void Realized_loss_of_a_linear_book_is_the_hand_computed_pnl()
    {
        var history = SyntheticHistory.Lognormal(["AAA", "BBB"], [100.0, 40.0], 60, _ => 0.3, 0.2, seed: 11, rate: 0.04, dividendYield: 0.015);
        var futureExpiry = new DateOnly(2021, 6, 18);
        Position[] book =
        [
            new("linear", Instrument.Spot("AAA"), 120, 1),
            new("linear", Instrument.Spot("BBB"), -300, 1),
            new("linear", Instrument.Future("BBB", futureExpiry), 7, 50),
        ];
        var settings = new BacktestSettings { Models = [Core.Backtesting.MarginModel.Implied], Paths = 200, HorizonRows = 3, EsTestSimulations = 20 };

        using var host = new HostBackend();
        var result = new BacktestRunner(host).Run(history, book, settings);

        Assert.NotEmpty(result.Rows);
        var dateIndex = history.Dates.Select((date, t) => (date, t)).ToDictionary(x => x.date, x => x.t);
        foreach (var row in result.Rows)
        {
            var t = dateIndex[row.Date];
            var later = t + settings.HorizonRows;
            double Value(int date)
            {
                var (a, b) = (history.Spot[history.At(date, 0)], history.Spot[history.At(date, 1)]);
                var years = (futureExpiry.DayNumber - history.Dates[date].DayNumber) / 365.0;
                var future = b * Math.Exp((history.Rate[date] - history.DividendYield[history.At(date, 1)]) * years);
                return 120 * a - 300 * b + 7 * 50 * future;
            }

            Assert.Equal(-(Value(later) - Value(t)), row.RealizedLoss, 1e-9);
        }
    }
}
