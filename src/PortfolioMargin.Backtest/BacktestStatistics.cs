using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Backtest;

/// <summary>The summary of one model and portfolio from its rows in date order and each row's model loss quantiles.</summary>
internal static class BacktestStatistics
{
    public static BacktestSummary Summarize(IReadOnlyList<BacktestRow> rows, IReadOnlyList<LossQuantiles> quantiles, BacktestSettings settings)
    {
        var h = settings.HorizonRows;
        var p = 1.0 - settings.Confidence;
        var picked = Enumerable.Range(0, rows.Count).Where(i => i % h == 0).ToArray();
        var losses = picked.Select(i => rows[i].RealizedLoss).ToArray();
        var valueAtRisk = picked.Select(i => rows[i].ValueAtRisk).ToArray();
        var expectedShortfall = picked.Select(i => rows[i].ExpectedShortfall).ToArray();
        var requirements = picked.Select(i => rows[i].Requirement).ToArray();
        var exceedances = picked.Select(i => rows[i].VarExceedance).ToArray();
        var windows = BaselTrafficLight.RollingZones(exceedances, BaselTrafficLight.StandardObservations, settings.Confidence);
        var exceptions = exceedances.Count(e => e);

        // Z2 divides each tail loss by the date's ES: it is defined where the model expects a loss (ES > 0), and
        // is taken over those dates. Each simulated history draws every date's loss from that date's model
        // distribution by a Philox counter (seed, simulation, observation), so the p-value is a function of the seed.
        var tested = Enumerable.Range(0, picked.Length).Where(k => expectedShortfall[k] > 0.0).ToArray();
        var tails = tested.Select(k => quantiles[picked[k]]).ToArray();
        var seed = settings.Config.Seed;
        var esTest = tested.Length == 0
            ? new ExpectedShortfallBacktest(double.NaN, double.NaN, double.NaN, double.NaN, 0)
            : AcerbiSzekelyTest.Test(
                [.. tested.Select(k => losses[k])], [.. tested.Select(k => valueAtRisk[k])], [.. tested.Select(k => expectedShortfall[k])], p,
                (t, i) => tails[t].At(CounterNormals.UniformAt(seed, (uint)i, (uint)t, AcerbiSzekelyTest.ScenarioStream, 0)),
                settings.EsTestSimulations);

        var daily = rows.Select(r => r.Requirement).ToArray();
        return new BacktestSummary(
            rows[0].Model,
            rows[0].Portfolio,
            rows[0].Date,
            rows[^1].Date,
            rows.Count,
            picked.Length,
            exceptions,
            picked.Length * p,
            KupiecTest.ProportionOfFailures(exceedances, p),
            ChristoffersenTest.Independence(exceedances),
            ChristoffersenTest.ConditionalCoverage(exceedances, p),
            BaselTrafficLight.Zone(exceptions, picked.Length, settings.Confidence),
            windows.Length,
            windows.Count(w => w.Zone == TrafficLightZone.Yellow),
            windows.Count(w => w.Zone == TrafficLightZone.Red),
            MarginCoverage.Compute(losses, requirements),
            esTest,
            tested.Length,
            Procyclicality.PeakToTroughRatio(daily),
            [.. Procyclicality.StandardHorizonsDays.Where(n => n < daily.Length).Select(n => Procyclicality.LargestIncrease(daily, n))]);
    }
}
