using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Engine;

/// <summary>
/// The strategy-based (traditional) requirement beside portfolio margin: each account's holdings in each
/// underlying paired into the strategies that cost least (docs/strategy-margin.md), priced at the t = 0 model
/// values. Host work, independent of the paths, so it runs beside the Monte Carlo.
/// </summary>
internal static class StrategyMargins
{
    /// <param name="cancellation">
    /// Checked between account-underlyings: a run stopped while its paths are priced waits for this task before it
    /// unwinds, and on book M it is over a second of work.
    /// </param>
    /// <returns>Each account's strategy margin, and the strategies as rows in account then underlying order.</returns>
    public static (IReadOnlyDictionary<string, double> ByAccount, IReadOnlyList<StrategyRow> Rows) Compute(
        MarketSnapshot market, RiskConfig config, IReadOnlyList<PositionRisk> positions, CancellationToken cancellation = default)
    {
        var holdings = PositionLegs.Group([.. positions.Select(p => p.Position)], [.. positions.Select(p => p.UnitValue)]);
        var underlyings = market.Underlyings.ToDictionary(u => u.Id, u => new StrategyUnderlying(u.Id, u.Spot, u.BroadBased), StringComparer.Ordinal);
        var parameters = new StrategyParameters(market.AsOfDate, config.FuturesMargin);

        // Every account-underlying is its own small problem, solved on this one thread: the solver allocates per
        // node, so a parallel loop measured slower than a sequential one on 2 cores (gen-0 collections), and the
        // Monte Carlo beside it has the other threads.
        var solved = new UnderlyingStrategyMargin[holdings.Count];
        for (var h = 0; h < holdings.Count; h++)
        {
            cancellation.ThrowIfCancellationRequested();
            solved[h] = StrategyPairing.Optimize(holdings[h].Legs, underlyings[holdings[h].Underlying], parameters);
        }

        var byAccount = new Dictionary<string, double>(StringComparer.Ordinal);
        var rows = new List<StrategyRow>();
        var legTexts = new Dictionary<StrategyLeg, string>();
        for (var h = 0; h < holdings.Count; h++)
        {
            var account = holdings[h].Account;
            byAccount[account] = byAccount.GetValueOrDefault(account) + solved[h].Total.RequirementExcludingProceeds;
            rows.AddRange(StrategyRow.Of(account, solved[h], legTexts));
        }

        return (byAccount, rows);
    }
}
