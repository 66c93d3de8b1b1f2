namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// The engine's entry point: strategy-based (Reg T / Cboe / FINRA 4210) requirement per account, each account's
/// underlyings paired separately (<see cref="StrategyPairing"/>) and summed.
/// </summary>
public static class StrategyMarginCalculator
{
    /// <summary>Accounts in ordinal order; an underlying absent from <paramref name="underlyings"/> is an error naming it.</summary>
    public static IReadOnlyList<AccountStrategyMargin> ForBook(
        IReadOnlyList<StrategyHolding> holdings, IReadOnlyDictionary<string, StrategyUnderlying> underlyings, StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(underlyings);
        return holdings
            .GroupBy(h => h.Account, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ForAccount(g.Key, g.ToList(), underlyings, parameters))
            .ToList();
    }

    public static AccountStrategyMargin ForAccount(
        string account, IReadOnlyList<StrategyHolding> holdings, IReadOnlyDictionary<string, StrategyUnderlying> underlyings, StrategyParameters parameters)
    {
        var results = new List<UnderlyingStrategyMargin>();
        foreach (var group in holdings.GroupBy(h => h.Underlying, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!underlyings.TryGetValue(group.Key, out var underlying))
            {
                throw new ArgumentException($"Account {account} holds {group.Key}, which has no spot in {nameof(underlyings)}.", nameof(underlyings));
            }

            results.Add(StrategyPairing.Optimize(group.SelectMany(h => h.Legs), underlying, parameters));
        }

        var total = StrategyRequirement.Zero;
        foreach (var result in results)
        {
            total += result.Total;
        }

        return new AccountStrategyMargin(account, results, total);
    }
}
