namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// Which positions drive an account's requirement, in currency and loss terms (a positive figure adds to the loss):
/// <list type="bullet">
/// <item><see cref="EsContribution"/>: the Euler contribution to the horizon ES, the mean of the position's loss over
/// the account's tail paths (the ⌈(1−α)N⌉ paths its ES averages), so that the contributions of an account's
/// positions, and of collateral held in an underlying, add up to its ES;</item>
/// <item><see cref="StressContribution"/>: the position's loss at the account's worst stress point, adding up to the
/// stress loss in the same way;</item>
/// <item><see cref="IncrementalEs"/>: the account's ES less the ES of the account without the position, on the same
/// paths: what removing it would save (negative for a hedge, whose removal raises ES).</item>
/// </list>
/// </summary>
public readonly record struct PositionAttribution(double EsContribution, double StressContribution, double IncrementalEs);
