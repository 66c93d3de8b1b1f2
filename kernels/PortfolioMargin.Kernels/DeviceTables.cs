using ILGPU;

namespace PortfolioMargin.Kernels;

/// <summary>
/// Scenario values of every underlying on a range of paths: element [u·Paths + p] holds underlying u on path p.
/// <see cref="ValuationYears"/> is how far the scenario date lies after the snapshot (0 for an instant stress).
/// </summary>
internal struct ScenarioView
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
internal struct AccountWeights
{
    public ArrayView<int> Start;
    public ArrayView<int> Instrument;
    public ArrayView<double> Weight;
    public int Accounts;
}
