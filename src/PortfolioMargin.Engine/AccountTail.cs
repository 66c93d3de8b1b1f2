using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine;

/// <summary>An account's tail at the horizon and, with sub-steps, of the worst point along each path.</summary>
internal readonly record struct AccountTail(TailRisk Terminal, TailRisk? WorstPoint);
