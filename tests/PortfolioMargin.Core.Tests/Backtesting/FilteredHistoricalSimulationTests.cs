using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>
/// Devolatilise–revolatilise: constant vol leaves history unchanged, today's vol scales the scenarios, and from a
/// history whose vol fell, the scenarios carry today's vol (sample standard deviation within 4 standard errors,
/// 1/√(2n) relative for n normal days) where the raw window does not.
/// </summary>
public class FilteredHistoricalSimulationTests
{
    private const ulong Seed = 4242;

    [Fact]
    public void Constant_vol_gives_back_the_raw_history()
    {
        var history = Normals(250, 2, 0.01);
        var volatility = Filled(250, 2, 0.013);

        var scenarios = FilteredHistoricalSimulation.Scenarios(history, volatility, [0.013, 0.013]);

        Assert.Equal(history, scenarios);
    }

    [Fact]
    public void Doubling_todays_vol_doubles_the_scenario_standard_deviation()
    {
        const int days = 500;
        var historicalVol = new double[days, 1];
        var history = new double[days, 1];
        for (var s = 0; s < days; s++)
        {
            historicalVol[s, 0] = s < 250 ? 0.03 : 0.01;
            history[s, 0] = historicalVol[s, 0] * Normal(0, s);
        }

        var single = Column(FilteredHistoricalSimulation.Scenarios(history, historicalVol, [0.015]));
        var doubled = Column(FilteredHistoricalSimulation.Scenarios(history, historicalVol, [0.030]));

        Assert.Equal(2.0, StandardDeviation(doubled) / StandardDeviation(single), 1e-12);
        Assert.True(Math.Abs(StandardDeviation(single) / 0.015 - 1.0) <= 4.0 / Math.Sqrt(2.0 * days), $"std {StandardDeviation(single)}");
    }

    [Fact]
    public void From_history_devolatilises_with_the_prior_forecast_and_revolatilises_with_today()
    {
        var changes = Normals(120, 2, 0.01);
        const int date = 100;
        const int window = 60;
        var volatility = EwmaEstimates.Volatilities(changes);

        // Day s is scaled by the forecast at the close of s − 1; today's vol is the estimate at the close of date.
        var historical = new double[window, 2];
        var expectedWindow = new double[window, 2];
        for (var s = 0; s < window; s++)
        {
            for (var i = 0; i < 2; i++)
            {
                historical[s, i] = volatility[date - window + s, i];
                expectedWindow[s, i] = changes[date - window + 1 + s, i];
            }
        }

        var expected = FilteredHistoricalSimulation.Scenarios(expectedWindow, historical, [volatility[date, 0], volatility[date, 1]]);
        var scenarios = FilteredHistoricalSimulation.FromHistory(changes, date, window);
        Assert.Equal(expected, scenarios);

        var changed = (double[,])changes.Clone();
        changed[date + 1, 0] = 1.0;
        Assert.Equal(scenarios, FilteredHistoricalSimulation.FromHistory(changed, date, window));
    }

    [Fact]
    public void The_window_mean_floors_each_devolatilising_vol()
    {
        var changes = Normals(120, 2, 0.01);
        const int date = 100;
        const int window = 60;
        var volatility = EwmaEstimates.Volatilities(changes);

        // Each factor's forecasts over the window, floored at their own mean: the days below it are divided by the mean.
        var floored = new double[window, 2];
        var expectedWindow = new double[window, 2];
        for (var i = 0; i < 2; i++)
        {
            var mean = Enumerable.Range(0, window).Sum(s => volatility[date - window + s, i] / window);
            for (var s = 0; s < window; s++)
            {
                floored[s, i] = Math.Max(volatility[date - window + s, i], mean);
                expectedWindow[s, i] = changes[date - window + 1 + s, i];
            }
        }

        var expected = FilteredHistoricalSimulation.Scenarios(expectedWindow, floored, [volatility[date, 0], volatility[date, 1]]);
        var scenarios = FilteredHistoricalSimulation.FromHistory(changes, date, window, floorAtWindowMean: true);
        Assert.Equal(expected, scenarios);

        // The floor bites somewhere (half the days are below their mean) and never makes a scenario larger.
        var plain = FilteredHistoricalSimulation.FromHistory(changes, date, window);
        Assert.NotEqual(plain, scenarios);
        for (var s = 0; s < window; s++)
        {
            Assert.True(Math.Abs(scenarios[s, 0]) <= Math.Abs(plain[s, 0]) && Math.Abs(scenarios[s, 1]) <= Math.Abs(plain[s, 1]));
        }
    }

    [Fact]
    public void Implied_vol_changes_after_a_calming_carry_todays_vol_of_vol()
    {
        // Daily implied-vol changes (vol points) with a vol of 2.0 until day 300, then 0.5; window of 250 ending at
        // day 400 is 150 stressed and 100 calm days, so the raw window's spread is about 3× today's.
        const int days = 401;
        var changes = new double[days, 1];
        for (var t = 0; t < days; t++)
        {
            changes[t, 0] = (t < 300 ? 2.0 : 0.5) * Normal(1, t);
        }

        const int window = 250;
        var scenarios = Column(FilteredHistoricalSimulation.FromHistory(changes, days - 1, window));
        var today = EwmaEstimates.Volatilities(changes)[days - 1, 0];
        var raw = Enumerable.Range(days - window, window).Select(t => changes[t, 0]).ToArray();

        var bound = 4.0 / Math.Sqrt(2.0 * window);
        Assert.True(Math.Abs(StandardDeviation(scenarios) / today - 1.0) <= bound, $"FHS std {StandardDeviation(scenarios)}, today {today}");
        Assert.True(StandardDeviation(raw) / today > 2.0, $"raw std {StandardDeviation(raw)}, today {today}");
    }

    [Fact]
    public void Negative_or_non_finite_historical_vol_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => FilteredHistoricalSimulation.Scenarios(new double[1, 1], new double[,] { { -0.01 } }, [0.01]));
        Assert.Throws<ArgumentException>(() => FilteredHistoricalSimulation.Scenarios(new double[1, 1], new double[,] { { double.NaN } }, [0.01]));
        Assert.Throws<ArgumentException>(() => FilteredHistoricalSimulation.Scenarios(new double[1, 1], new double[,] { { double.PositiveInfinity } }, [0.01]));
    }

    [Fact]
    public void A_factor_that_never_moved_keeps_its_changes_unfiltered()
    {
        // A constant implied vol: every change 0, every EWMA vol 0. Its scenarios are no move, not an error.
        var flat = FilteredHistoricalSimulation.FromHistory(new double[40, 1], 39, 10);
        Assert.All(Enumerable.Range(0, 10), s => Assert.Equal(0.0, flat[s, 0]));

        // A vol of 0 on a day whose change is not: the change as it was.
        var scenarios = FilteredHistoricalSimulation.Scenarios(new double[,] { { 0.05 }, { 0.02 } }, new double[,] { { 0.0 }, { 0.01 } }, [0.03]);
        Assert.Equal(0.05, scenarios[0, 0]);
        Assert.Equal(0.02 * (0.03 / 0.01), scenarios[1, 0]);
    }

    private static double Normal(int stream, int t) => CounterNormals.Normal(Seed, (uint)stream, (uint)t, CounterNormals.SpotStream, 0);

    private static double[,] Normals(int days, int factors, double scale)
    {
        var matrix = new double[days, factors];
        for (var t = 0; t < days; t++)
        {
            for (var i = 0; i < factors; i++)
            {
                matrix[t, i] = scale * Normal(i, t);
            }
        }

        return matrix;
    }

    private static double[,] Filled(int days, int factors, double value)
    {
        var matrix = new double[days, factors];
        for (var t = 0; t < days; t++)
        {
            for (var i = 0; i < factors; i++)
            {
                matrix[t, i] = value;
            }
        }

        return matrix;
    }

    private static double[] Column(double[,] matrix) => Enumerable.Range(0, matrix.GetLength(0)).Select(t => matrix[t, 0]).ToArray();

    // Zero-mean, as the scenarios are (changes around no drift).
    private static double StandardDeviation(double[] values) => Math.Sqrt(values.Sum(v => v * v) / values.Length);
}
