namespace PortfolioMargin.Core.Risk;

/// <summary>
/// The worst loss over the stress grid (currency, loss = −P&amp;L) and the move that caused it: relative spot and
/// relative ATM-vol shifts (−0.15 = spot down 15%), applied to every underlying at once.
/// </summary>
public readonly record struct StressOutcome(double Loss, double PriceMoveRelative, double VolMoveRelative);
