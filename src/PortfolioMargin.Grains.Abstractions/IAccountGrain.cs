using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>One account (key: the account id): its book, its latest margin, and recomputation on request.</summary>
[Alias("PortfolioMargin.Grains.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The book and latest result; <see cref="MarginRequestException"/> for an account that holds nothing.</summary>
    Task<AccountView> GetAccount();

    /// <summary>The latest result, without recomputing.</summary>
    Task<AccountMargin> GetMargin();

    /// <summary>Replaces the positions; validated against the current market, nothing changes on error.</summary>
    Task UpdatePositions(Position[] positions);

    /// <summary>Replaces the collateral; validated against the current market, nothing changes on error.</summary>
    Task UpdateCollateral(CollateralHolding[] collateral);

    /// <summary>Prices the book against the current market snapshot.</summary>
    Task<AccountMargin> Recompute();

    /// <summary>
    /// Takes an end-of-day run's book and margin for this account (priced by the run's shard, not here); returns
    /// the status change against the previous margin, if any. Taking the same run's result twice changes nothing.
    /// </summary>
    Task<StatusChange?> AcceptEndOfDay(EndOfDayResult result);

    /// <summary>Recomputes after a move of an underlying this account holds; returns the status change, if any.</summary>
    Task<StatusChange?> OnMarketMove(MarketMoveNotice notice);
}
