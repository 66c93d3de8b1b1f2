namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// Collateral posted by an account: an amount of the settlement currency, or a number of units of an
/// underlying (valued at its spot). Haircuts come from the risk config.
/// </summary>
public sealed record CollateralHolding(string Account, string Asset, double Amount, int SourceLine = 0);
