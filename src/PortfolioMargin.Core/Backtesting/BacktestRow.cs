namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// One date, model and portfolio: the model's VaR and requirement at that close, the realized loss of the
/// date's book over the next horizon rows (positions fixed, revalued at the later close), and whether the loss
/// exceeded each. Losses positive.
/// </summary>
public sealed record BacktestRow(
    DateOnly Date,
    MarginModelSpec Model,
    string Portfolio,
    double ValueAtRisk,
    double ExpectedShortfall,
    double Requirement,
    double RealizedLoss)
{
    public bool VarExceedance => RealizedLoss > ValueAtRisk;

    public bool Exceedance => RealizedLoss > Requirement;
}
