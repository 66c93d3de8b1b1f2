namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Settings of a strategy-margin run. <see cref="NodeLimit"/> and <see cref="CandidateLimit"/> bound the pairing
/// search per account and underlying so that hostile input cannot hang it; a search cut short keeps the best
/// pairing found so far and says so (<see cref="UnderlyingStrategyMargin.ProvenOptimal"/>).
/// </summary>
public sealed record StrategyParameters
{
    /// <summary>About ten times the nodes the worst benchmark-like book needed (see docs/strategy-margin.md).</summary>
    public const int DefaultNodeLimit = 2_000;

    /// <summary>A benchmark-like book makes a few dozen candidate strategies; a hostile one is cut here.</summary>
    public const int DefaultCandidateLimit = 400;

    public StrategyParameters(
        DateOnly valuationDate,
        FuturesMarginRates? futuresRates = null,
        int nodeLimit = DefaultNodeLimit,
        int candidateLimit = DefaultCandidateLimit)
    {
        if (nodeLimit < 1)
        {
            throw new ArgumentException($"{nameof(NodeLimit)} must be at least 1, not {nodeLimit}.", nameof(NodeLimit));
        }

        if (candidateLimit < 0)
        {
            throw new ArgumentException($"{nameof(CandidateLimit)} must not be negative, not {candidateLimit}.", nameof(CandidateLimit));
        }

        ValuationDate = valuationDate;
        FuturesRates = futuresRates ?? FuturesMarginRates.Default;
        NodeLimit = nodeLimit;
        CandidateLimit = candidateLimit;
    }

    /// <summary>The date the nine-month test for long options counts from.</summary>
    public DateOnly ValuationDate { get; }

    public FuturesMarginRates FuturesRates { get; }

    /// <summary>Most LP relaxations the branch and bound solves for one account and underlying.</summary>
    public int NodeLimit { get; }

    /// <summary>Most candidate strategies kept for one account and underlying (the best by savings per contract).</summary>
    public int CandidateLimit { get; }
}
