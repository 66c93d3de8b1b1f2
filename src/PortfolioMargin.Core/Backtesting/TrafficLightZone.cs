namespace PortfolioMargin.Core.Backtesting;

/// <summary>The Basel Committee's backtesting zones (BCBS 1996, "Supervisory framework for the use of backtesting").</summary>
public enum TrafficLightZone
{
    /// <summary>P(X ≤ x) &lt; 95% under the model: no reason to doubt it.</summary>
    Green,

    /// <summary>95% ≤ P(X ≤ x) &lt; 99.99%: the burden of proof is on the bank; a plus factor applies.</summary>
    Yellow,

    /// <summary>P(X ≤ x) ≥ 99.99%: the model is presumed inaccurate.</summary>
    Red,
}
