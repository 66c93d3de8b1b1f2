using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// A plain C# evaluation of the model, written straight from docs/model.md without the kernels' layout tricks
/// (no instrument de-duplication, no in-place correlation): the independent check that the kernels compute it.
/// Single-step normal or Student-t innovations.
/// </summary>
public static class HostReference
{
    public static Dictionary<string, TailRisk> Tails(MarginInputs inputs)
    {
        var market = inputs.Market;
        var config = inputs.Config;
        var n = market.Underlyings.Count;
        var lower = CorrelationFactor.Cholesky(market.Correlation);
        var h = config.HorizonYears;
        var accounts = MarginEngine.AccountsOf(inputs);
        var pnl = accounts.ToDictionary(a => a, _ => new double[config.Paths], StringComparer.Ordinal);
        var spot = new double[n];
        var vol = new double[n];
        for (var p = 0; p < config.Paths; p++)
        {
            var scale = config.Innovations == Innovations.StudentT
                ? CounterNormals.StudentTScale(config.Seed, (uint)p, 0, config.DegreesOfFreedom)
                : 1.0;
            var raw = new double[n];
            for (var u = 0; u < n; u++)
            {
                raw[u] = CounterNormals.Normal(config.Seed, (uint)p, 0, CounterNormals.SpotStream, (uint)u);
            }

            for (var i = 0; i < n; i++)
            {
                var z = 0.0;
                for (var j = 0; j <= i; j++)
                {
                    z += lower[i, j] * raw[j];
                }

                z *= scale;
                var epsilon = CounterNormals.Normal(config.Seed, (uint)p, 0, CounterNormals.VolStream, (uint)i) * scale;
                var x = market.Underlyings[i];
                var w = x.SpotVolCorrelation * z + Math.Sqrt(1.0 - x.SpotVolCorrelation * x.SpotVolCorrelation) * epsilon;
                spot[i] = x.Spot * Math.Exp(-0.5 * x.AtmVol * x.AtmVol * h + x.AtmVol * Math.Sqrt(h) * z);
                vol[i] = x.AtmVol * Math.Exp(-0.5 * x.VolOfVol * x.VolOfVol * h + x.VolOfVol * Math.Sqrt(h) * w);
            }

            foreach (var position in inputs.Positions)
            {
                var u = market.IndexOf(position.Underlying);
                var x = market.Underlyings[u];
                var years = position.Expiry is { } e ? DayCount.YearFraction(market.AsOfDate, e) : 0.0;
                var omega = position.Right is { } r ? (double)(int)r : 0.0;
                var strike = position.Strike ?? 0.0;
                var before = InstrumentPricer.UnitValue((int)position.Type, omega, strike, years, x.Spot, x.AtmVol, x.Skew, x.Smile, market.Rate, x.DividendYield);
                var after = InstrumentPricer.UnitValue((int)position.Type, omega, strike, years - h, spot[u], vol[u], x.Skew, x.Smile, market.Rate, x.DividendYield);
                pnl[position.Account][p] += position.Notional * (after - before);
            }
        }

        return pnl.ToDictionary(kv => kv.Key, kv => TailRisk.FromLosses(kv.Value.Select(v => -v).ToArray(), config.Confidence), StringComparer.Ordinal);
    }
}
