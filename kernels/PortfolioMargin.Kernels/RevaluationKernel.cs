using ILGPU;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Kernels;

/// <summary>Scalars of a revaluation launch.</summary>
public struct RevaluationParameters
{
    public int Instruments;
    public double Rate;
}

public static class RevaluationKernel
{
    /// <summary>
    /// RevalueInstruments: the P&amp;L of one unit of every distinct instrument on every scenario path, written as
    /// a tile [instrument·Paths + path]. Options past expiry at the scenario date settle at intrinsic.
    /// </summary>
    public static void RevalueInstruments(
        ArrayView<double> tile, InstrumentTable instruments, UnderlyingTable underlyings, ScenarioView scenarios, RevaluationParameters parameters)
    {
        var stride = (long)Grid.DimX * Group.DimX;
        var paths = scenarios.Paths;
        var total = (long)parameters.Instruments * paths;
        for (var item = (long)Grid.GlobalLinearIndex; item < total; item += stride)
        {
            var i = (int)(item / paths);
            var p = (int)(item - (long)i * paths);
            var u = instruments.UnderlyingIndex[i];
            var spot = scenarios.Spot[(long)u * paths + p];
            var atmVol = scenarios.AtmVol[(long)u * paths + p];
            var value = InstrumentPricer.UnitValue(
                instruments.Type[i], instruments.Omega[i], instruments.Strike[i], instruments.ExpiryYears[i] - scenarios.ValuationYears,
                spot, atmVol, underlyings.Skew[u], underlyings.Smile[u], parameters.Rate, underlyings.DividendYield[u]);
            tile[item] = value - instruments.BaseValue[i];
        }
    }
}
