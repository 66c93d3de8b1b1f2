using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Workers;

/// <summary>
/// Many accounts' jobs as one engine call. An account's result does not depend on which other accounts share the
/// call (paths are keyed by seed, path, step and factor, over the run's factor set the market state carries; sums
/// run in each account's own position order), so
/// batching changes speed, never a number.
/// </summary>
internal static class BatchPricing
{
    public static AccountResult[] Price(SiloAccelerator accelerator, IReadOnlyList<MarginJob> jobs)
    {
        var scenario = jobs[0].Scenario;
        var inputs = new MarginInputs(
            scenario.Snapshot,
            jobs.SelectMany(j => j.Positions).ToList(),
            jobs.SelectMany(j => j.Collateral).ToList(),
            scenario.Config)
        {
            // The end-of-day run's factors: an account comes out as it did in the run, whoever shares the call.
            Factors = scenario.Factors ?? FactorSet.EveryUnderlying(scenario.Snapshot),
        };
        var (result, call) = accelerator.Run(inputs, jobs.Count);
        var margins = result.Accounts.ToDictionary(a => a.Account, StringComparer.Ordinal);
        var positions = result.Positions.ToLookup(p => p.Position.Account, StringComparer.Ordinal);
        return jobs.Select(j => new AccountResult(
            margins.TryGetValue(j.Account, out var margin) ? margin : throw new InvalidOperationException($"the engine returned no result for account '{j.Account}'"),
            [.. positions[j.Account]],
            result.Device,
            call)).ToArray();
    }
}
