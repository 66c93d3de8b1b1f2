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
    public static ScenarioSet Of(MarketSnapshot market, RiskConfig config)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(config);
        var factors = HorizonFactors.Simulate(market, config);
        return new ScenarioSet(config.Paths, factors.Spot, factors.Vol);
    }
}
