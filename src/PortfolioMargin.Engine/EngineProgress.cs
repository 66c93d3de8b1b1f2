namespace PortfolioMargin.Engine;

/// <summary>How far a run has got, for progress displays.</summary>
public readonly record struct EngineProgress(int AccountsDone, int AccountsTotal, long PathsSimulated, TimeSpan Elapsed, long PathsTotal = 0)
{
    /// <summary>Share of all account-paths done, 0 to 1.</summary>
    public double Fraction => PathsTotal > 0 ? (double)PathsSimulated / PathsTotal : AccountsTotal > 0 ? (double)AccountsDone / AccountsTotal : 1.0;
}
