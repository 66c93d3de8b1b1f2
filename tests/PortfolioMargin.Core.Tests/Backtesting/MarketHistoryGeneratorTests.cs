using PortfolioMargin.Core.Backtesting;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>The synthetic market: reproducible from its seed, well-formed, and with the regimes it states.</summary>
public class MarketHistoryGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_history_and_another_seed_does_not()
    {
        var first = MarketHistoryGenerator.Generate(MarketHistorySettings.Default(11));
        var second = MarketHistoryGenerator.Generate(MarketHistorySettings.Default(11));
        var other = MarketHistoryGenerator.Generate(MarketHistorySettings.Default(12));

        Assert.Equal(first, second);
        Assert.NotEqual(first[^1].Spot, other[^1].Spot);
    }

    [Fact]
    public void History_covers_at_least_1250_business_days_with_positive_spots_and_vols()
    {
        var settings = MarketHistorySettings.Default();
        var rows = MarketHistoryGenerator.Generate(settings);
        var dates = rows.Select(r => r.Date).Distinct().ToArray();

        Assert.True(settings.Dates >= 1251, $"{settings.Dates} dates");
        Assert.Equal(settings.Dates, dates.Length);
        Assert.Equal(settings.Dates * settings.Underlyings.Count, rows.Length);
        Assert.All(dates, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.True(dates.Zip(dates.Skip(1)).All(pair => pair.First < pair.Second));
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Spot) && r.Spot > 0.0 && double.IsFinite(r.AtmVol) && r.AtmVol > settings.ImpliedVolPremium));
        Assert.Equal(settings.Underlyings.Select(u => u.InitialSpot), rows.Take(settings.Underlyings.Count).Select(r => r.Spot));
    }

    [Theory]
    [InlineData(20260101ul)]
    [InlineData(7ul)]
    [InlineData(123456789ul)]
    public void Crash_has_higher_realized_vol_correlation_and_implied_vol_than_calm(ulong seed)
    {
        var settings = MarketHistorySettings.Default(seed);
        var rows = MarketHistoryGenerator.Generate(settings);
        var calm = RegimeIndex(settings, "calm");
        var crash = RegimeIndex(settings, "crash");
        var returns = LogReturns(settings, rows);

        var calmDays = DaysOf(settings, calm);
        var crashDays = DaysOf(settings, crash);
        for (var i = 0; i < settings.Underlyings.Count; i++)
        {
            Assert.True(RealizedVol(returns, i, crashDays) > 2.0 * RealizedVol(returns, i, calmDays), $"underlying {i}");
        }

        Assert.True(AverageCorrelation(returns, crashDays) > AverageCorrelation(returns, calmDays) + 0.3);
        Assert.True(AverageCorrelation(returns, crashDays) > 0.75);

        var calmImplied = calmDays.Average(t => rows[t * settings.Underlyings.Count].AtmVol);
        var crashImplied = crashDays.Average(t => rows[t * settings.Underlyings.Count].AtmVol);
        Assert.True(crashImplied > 2.0 * calmImplied, $"calm {calmImplied}, crash {crashImplied}");
    }

    [Fact]
    public void Calm_implied_vol_is_near_the_long_run_vol_plus_premium()
    {
        // In the calm regime the one-month GARCH forecast hovers around the long-run vol (12% for SPY).
        var settings = MarketHistorySettings.Default();
        var rows = MarketHistoryGenerator.Generate(settings);
        var calmDays = DaysOf(settings, RegimeIndex(settings, "calm"));
        var implied = calmDays.Average(t => rows[t * settings.Underlyings.Count].AtmVol);
        Assert.InRange(implied, 0.12 + 0.02 - 0.03, 0.12 + 0.02 + 0.03);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        var settings = MarketHistorySettings.Default() with { GarchAlpha = 0.2, GarchBeta = 0.85 };
        Assert.Throws<ArgumentException>(() => MarketHistoryGenerator.Generate(settings));
        var tooNegative = MarketHistorySettings.Default() with { Regimes = [new MarketRegime("odd", 10, 0.0, 0.2, -0.5)] };
        Assert.Throws<ArgumentException>(() => MarketHistoryGenerator.Generate(tooNegative));
    }

    private static int RegimeIndex(MarketHistorySettings settings, string name) =>
        settings.Regimes.Select((regime, k) => (regime, k)).Single(pair => pair.regime.Name == name).k;

    // Date indices whose return belongs to regime k (date 0 has no return).
    private static int[] DaysOf(MarketHistorySettings settings, int k) =>
        Enumerable.Range(1, settings.Dates - 1).Where(t => settings.RegimeIndexAt(t) == k).ToArray();

    private static double[,] LogReturns(MarketHistorySettings settings, MarketHistoryRow[] rows)
    {
        var n = settings.Underlyings.Count;
        var returns = new double[settings.Dates, n];
        for (var t = 1; t < settings.Dates; t++)
        {
            for (var i = 0; i < n; i++)
            {
                returns[t, i] = Math.Log(rows[t * n + i].Spot / rows[(t - 1) * n + i].Spot);
            }
        }

        return returns;
    }

    private static double RealizedVol(double[,] returns, int i, int[] days)
    {
        var mean = days.Average(t => returns[t, i]);
        return Math.Sqrt(days.Sum(t => (returns[t, i] - mean) * (returns[t, i] - mean)) / (days.Length - 1) * 252.0);
    }

    private static double AverageCorrelation(double[,] returns, int[] days)
    {
        var n = returns.GetLength(1);
        var sum = 0.0;
        var pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var meanI = days.Average(t => returns[t, i]);
                var meanJ = days.Average(t => returns[t, j]);
                var covariance = days.Sum(t => (returns[t, i] - meanI) * (returns[t, j] - meanJ));
                var varianceI = days.Sum(t => (returns[t, i] - meanI) * (returns[t, i] - meanI));
                var varianceJ = days.Sum(t => (returns[t, j] - meanJ) * (returns[t, j] - meanJ));
                sum += covariance / Math.Sqrt(varianceI * varianceJ);
                pairs++;
            }
        }

        return sum / pairs;
    }
}
