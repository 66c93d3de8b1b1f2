using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Accounts;

/// <summary>
/// The checks the input files get (see PositionFields; the rules against the market are <see cref="BookAgainstMarket"/>,
/// shared with the file side), for books that arrive as grain calls instead. Errors name the element and field: "positions[2]: field 'multiplier': is 0, must be > 0".
/// </summary>
internal static class BookValidation
{
    /// <param name="account">The account every position must belong to; null for a whole book (any non-empty account).</param>
    public static void CheckPositions(string? account, IReadOnlyList<Position> positions, MarketSnapshot? market)
    {
        var rules = market is null ? null : new BookAgainstMarket(market);
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i] ?? throw Error(i, "positions", "position", "is missing");
            if (string.IsNullOrWhiteSpace(p.Account))
            {
                throw Error(i, "positions", "account", "is empty");
            }

            if (account is not null && p.Account != account)
            {
                throw Error(i, "positions", "account", $"'{p.Account}' is not this account '{account}'");
            }

            if (string.IsNullOrWhiteSpace(p.Underlying))
            {
                throw Error(i, "positions", "underlying", "is empty");
            }

            if (PlausibilityBounds.Quantity(p.Quantity) is { } quantityProblem)
            {
                throw Error(i, "positions", "quantity", quantityProblem);
            }

            if (PlausibilityBounds.Multiplier(p.Multiplier) is { } multiplierProblem)
            {
                throw Error(i, "positions", "multiplier", multiplierProblem);
            }

            CheckInstrument(i, p);
            if (rules?.PositionProblem(p) is { } found)
            {
                throw Error(i, "positions", found.Field, found.Problem);
            }
        }
    }

    /// <param name="account">The account every holding must belong to; null for a whole book (any non-empty account).</param>
    public static void CheckCollateral(string? account, IReadOnlyList<CollateralHolding> collateral, MarketSnapshot? market)
    {
        var rules = market is null ? null : new BookAgainstMarket(market);
        for (var i = 0; i < collateral.Count; i++)
        {
            var c = collateral[i] ?? throw Error(i, "collateral", "holding", "is missing");
            if (string.IsNullOrWhiteSpace(c.Account))
            {
                throw Error(i, "collateral", "account", "is empty");
            }

            if (account is not null && c.Account != account)
            {
                throw Error(i, "collateral", "account", $"'{c.Account}' is not this account '{account}'");
            }

            if (string.IsNullOrWhiteSpace(c.Asset))
            {
                throw Error(i, "collateral", "asset", "is empty");
            }

            if (!double.IsFinite(c.Amount))
            {
                throw Error(i, "collateral", "amount", $"is {c.Amount}, must be a finite number");
            }

            if (rules?.HoldingProblem(c) is { } found)
            {
                throw Error(i, "collateral", found.Field, found.Problem);
            }
        }
    }

    /// <summary>
    /// A Position cannot hold an impossible instrument (the wire converter refuses one, naming the field); what
    /// is left to check is the bound a plausible strike keeps.
    /// </summary>
    private static void CheckInstrument(int i, Position p)
    {
        if (p.Strike is { } strike && PlausibilityBounds.Price(strike) is { } strikeProblem)
        {
            throw Error(i, "positions", "strike", strikeProblem);
        }
    }

    /// <summary>
    /// A market that arrives as a grain call gets the market file's bounds: rate, and each underlying's spot, vols
    /// and smile. Errors name the element: "market: underlyings[3]: field 'atmVol': is 25, must be in (0, 10] …".
    /// </summary>
    public static void CheckMarket(MarketSnapshot market)
    {
        if (PlausibilityBounds.Rate(market.Rate) is { } rateProblem)
        {
            throw new MarginRequestException($"market: field 'rate': {rateProblem}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < market.Underlyings.Count; i++)
        {
            var u = market.Underlyings[i] ?? throw Error(i, "market: underlyings", "underlying", "is missing");
            if (string.IsNullOrWhiteSpace(u.Id) || !ids.Add(u.Id))
            {
                throw Error(i, "market: underlyings", "id", string.IsNullOrWhiteSpace(u.Id) ? "is empty" : $"'{u.Id}' is listed twice");
            }

            if (PlausibilityBounds.UnderlyingProblem(u) is { } found)
            {
                throw Error(i, "market: underlyings", found.Field, found.Problem);
            }
        }
    }

    private static MarginRequestException Error(int index, string list, string field, string problem) =>
        new($"{list}[{index}]: field '{field}': {problem}");

    /// <summary>Underlyings (and collateral assets) whose moves change this book's margin.</summary>
    public static string[] Holdings(IEnumerable<Position> positions, IEnumerable<CollateralHolding> collateral) =>
        positions.Select(p => p.Underlying).Concat(collateral.Select(c => c.Asset))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
