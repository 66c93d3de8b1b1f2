using System.Runtime.InteropServices;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Engine;

/// <summary>
/// Equity = collateral after haircuts + net liquidation value of spot and option positions at model value.
/// Futures are marked to market daily, so they carry no value at t = 0.
/// </summary>
internal static class EquityCalculator
{
    public static IReadOnlyDictionary<string, (double Collateral, double NetLiquidation)> Compute(
        MarginInputs inputs, IReadOnlyList<PositionRisk> positions)
    {
        var market = inputs.Market;
        var result = new Dictionary<string, (double Collateral, double NetLiquidation)>(StringComparer.Ordinal);
        foreach (var account in MarginEngine.AccountsOf(inputs))
        {
            result[account] = (0.0, 0.0);
        }

        foreach (var holding in inputs.Collateral)
        {
            var index = market.IndexOf(holding.Asset);
            var price = index >= 0 ? market.Underlyings[index].Spot : 1.0;
            var value = holding.Amount * price * (1.0 - inputs.Config.HaircutOf(holding.Asset));
            var current = result[holding.Account];
            result[holding.Account] = (current.Collateral + value, current.NetLiquidation);
        }

        foreach (var risk in positions)
        {
            if (risk.Position.Type == InstrumentType.Future)
            {
                continue;
            }

            ref var current = ref CollectionsMarshal.GetValueRefOrNullRef(result, risk.Position.Account);
            current = (current.Collateral, current.NetLiquidation + risk.MarketValue);
        }

        return result;
    }
}
