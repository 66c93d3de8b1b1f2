namespace PortfolioMargin.Core.Portfolio;

/// <summary>What a position holds. The numeric values are the codes the kernels switch on.</summary>
public enum InstrumentType
{
    Spot = 0,
    Future = 1,
    Option = 2,
}

/// <summary>Call or put; the numeric value is the sign used in the payoff max(ω(S−K), 0).</summary>
public enum OptionRight
{
    Call = 1,
    Put = -1,
}
