using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Runs;

/// <summary>A run's book cut per account and put back together in file order for the output files.</summary>
public static class RunBook
{
    /// <summary>Every account in ordinal order (the engine's order), each with its positions and collateral in file order.</summary>
    public static IEnumerable<(string Account, Position[] Positions, CollateralHolding[] Collateral)> ByAccount(MarginRunRequest request)
    {
        var positions = request.Positions.ToLookup(p => p.Account, StringComparer.Ordinal);
        var collateral = request.Collateral.ToLookup(c => c.Account, StringComparer.Ordinal);
        return Accounts(request).Order(StringComparer.Ordinal).Select(a => (a, positions[a].ToArray(), collateral[a].ToArray()));
    }

    /// <summary>Every account that holds a position or posts collateral, once each.</summary>
    public static IEnumerable<string> Accounts(MarginRunRequest request) =>
        request.Positions.Select(p => p.Account).Concat(request.Collateral.Select(c => c.Account)).Distinct(StringComparer.Ordinal);

    /// <summary>Position risks in the positions-file order, as a direct engine run writes them.</summary>
    public static List<PositionRisk> PositionsInFileOrder(MarginRunRequest request, IReadOnlyDictionary<string, AccountResult> results)
    {
        var queues = results.ToDictionary(r => r.Key, r => new Queue<PositionRisk>(r.Value.Positions), StringComparer.Ordinal);
        var ordered = new List<PositionRisk>(request.Positions.Length);
        foreach (var position in request.Positions)
        {
            if (queues.TryGetValue(position.Account, out var queue) && queue.TryDequeue(out var risk))
            {
                ordered.Add(risk);
            }
        }

        return ordered;
    }
}
