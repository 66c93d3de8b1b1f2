using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine;

/// <summary>
/// Collateral posted in a simulated underlying (shares of AAA, BTC against BTC options) moves with the market: its
/// haircut value enters the account's scenario P&amp;L as a spot holding of amount × (1 − haircut) units, on every
/// Monte Carlo path and every stress point, so wrong-way collateral raises the requirement and collateral that
/// offsets a position lowers it. Cash and assets that are not simulated keep their static haircut value. Equity at
/// t = 0 is unchanged (the same haircut value); positions.parquet, the Greeks and the strategy-based requirement
/// stay the positions' own.
/// </summary>
internal static class CollateralInScenarios
{
    /// <returns>
    /// The positions the scenarios revalue, per account: the book's own, then one spot holding per collateral line in
    /// an underlying. The dictionary given is returned as it is when no collateral is in an underlying.
    /// </returns>
    public static Dictionary<string, List<Position>> With(
        Dictionary<string, List<Position>> positionsByAccount, IReadOnlyList<CollateralHolding> collateral, MarketSnapshot market, RiskConfig config)
    {
        var listed = market.IndexById();
        var simulated = collateral.Where(c => listed.ContainsKey(c.Asset) && c.Amount != 0).ToList();
        if (simulated.Count == 0)
        {
            return positionsByAccount;
        }

        // The book's own lists are never changed: an account with such collateral gets a copy.
        var result = new Dictionary<string, List<Position>>(positionsByAccount, StringComparer.Ordinal);
        var copied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var holding in simulated)
        {
            if (copied.Add(holding.Account))
            {
                result[holding.Account] = result.TryGetValue(holding.Account, out var own) ? [.. own] : [];
            }

            var units = holding.Amount * (1.0 - config.HaircutOf(holding.Asset));
            result[holding.Account].Add(new Position(holding.Account, Instrument.Spot(holding.Asset), units, 1.0, holding.SourceLine));
        }

        return result;
    }
}
