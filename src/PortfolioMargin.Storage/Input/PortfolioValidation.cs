using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Checks that need two files at once: positions and collateral against the market snapshot
/// (<see cref="BookAgainstMarket"/>). Errors name the positions or collateral line, since that is where the fix usually goes.
/// </summary>
internal static class PortfolioValidation
{
    public static void CheckPositions(MarketSnapshot market, IReadOnlyList<Position> positions, string positionsFile)
    {
        var rules = new BookAgainstMarket(market);
        foreach (var position in positions)
        {
            if (rules.PositionProblem(position) is { } found)
            {
                throw new InputException(positionsFile, position.SourceLine, found.Field, found.Problem);
            }
        }
    }

    public static void CheckCollateral(MarketSnapshot market, IReadOnlyList<CollateralHolding> collateral, string collateralFile)
    {
        var rules = new BookAgainstMarket(market);
        foreach (var holding in collateral)
        {
            if (rules.HoldingProblem(holding) is { } found)
            {
                throw new InputException(collateralFile, holding.SourceLine, found.Field, found.Problem);
            }
        }
    }
}
