using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Engine.Attribution;

namespace PortfolioMargin.Engine;

/// <summary>
/// The horizon levels a simulated run prices, as a given scenario set: the same counter-based draws the run's
/// backend makes (keyed by seed, path, step and factor), regenerated on the host by the attribution's own
/// simulation rather than a second one. Given back to a one-step run of the same config, the set reproduces it
/// bit for bit on the CPU backends; it is how a user's scenario file can be checked against the simulated mode.
/// </summary>
public static class SimulatedScenarios
{
    /// <summary>Every underlying of <paramref name="market"/> simulated: the set a book that references them all is priced on.</summary>
    public static ScenarioSet Of(MarketSnapshot market, RiskConfig config)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(config);
        var factors = HorizonFactors.Simulate(market, config);
        return new ScenarioSet(config.Paths, factors.Spot, factors.Vol);
    }

    /// <summary>
    /// The set a simulated run of <paramref name="inputs"/> prices: its factor set simulated (<see cref="MarginInputs.Factors"/>),
    /// laid out over every underlying of the snapshot as a given set is; an underlying the run does not simulate
    /// stays at its snapshot levels (no instrument of the book reads it).
    /// </summary>
    public static ScenarioSet Of(MarginInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var market = inputs.Market;
        var paths = inputs.Config.Paths;
        var factors = MarginEngine.RestrictToFactors(inputs with { Scenarios = null }).Market;
        var simulated = HorizonFactors.Simulate(factors, inputs.Config);
        var index = factors.IndexById();
        var spot = new double[(long)market.Underlyings.Count * paths];
        var vol = new double[spot.Length];
        for (var u = 0; u < market.Underlyings.Count; u++)
        {
            var at = (long)u * paths;
            if (index.TryGetValue(market.Underlyings[u].Id, out var k))
            {
                Array.Copy(simulated.Spot, (long)k * paths, spot, at, paths);
                Array.Copy(simulated.Vol, (long)k * paths, vol, at, paths);
            }
            else
            {
                Array.Fill(spot, market.Underlyings[u].Spot, (int)at, paths);
                Array.Fill(vol, market.Underlyings[u].AtmVol, (int)at, paths);
            }
        }

        return new ScenarioSet(paths, spot, vol);
    }
}
