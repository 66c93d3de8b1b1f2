using ILGPU;

namespace PortfolioMargin.Kernels;

/// <summary>
/// Distinct instruments, structure of arrays: one entry per (type, underlying, strike, expiry, right), however
/// many positions hold it, so each is revalued once per path.
/// </summary>
public struct InstrumentTable
{
    public ArrayView<int> Type;
    public ArrayView<int> UnderlyingIndex;
    public ArrayView<double> Omega;
    public ArrayView<double> Strike;

    /// <summary>ACT/365 years from the snapshot date to expiry.</summary>
    public ArrayView<double> ExpiryYears;

    /// <summary>Unit value in the base market, the zero of every P&amp;L.</summary>
    public ArrayView<double> BaseValue;
}

/// <summary>Per-underlying smile shape and carry, structure of arrays.</summary>
public struct UnderlyingTable
{
    public ArrayView<double> Skew;
    public ArrayView<double> Smile;
    public ArrayView<double> DividendYield;
}

/// <summary>
/// Scenario values of every underlying on a range of paths: element [u·Paths + p] holds underlying u on path p.
/// <see cref="ValuationYears"/> is how far the scenario date lies after the snapshot (0 for an instant stress).
/// </summary>
public struct ScenarioView
{
    public ArrayView<double> Spot;
    public ArrayView<double> AtmVol;
    public int Paths;
    public double ValuationYears;
}

/// <summary>
/// Accounts as compressed rows over instruments: entries [Start[a], Start[a+1]) of account a, each an instrument
/// index and a weight (quantity × multiplier), in the order of the positions file.
/// </summary>
public struct AccountWeights
{
    public ArrayView<int> Start;
    public ArrayView<int> Instrument;
    public ArrayView<double> Weight;
    public int Accounts;
}
