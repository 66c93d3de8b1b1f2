using ILGPU;

namespace PortfolioMargin.Kernels;

internal static class RevaluationKernel
{
    /// <summary>
    /// RevalueInstruments: the P&amp;L of one unit of every distinct instrument on every scenario path, written as
    /// a tile [instrument·Paths + path]. Options past expiry at the scenario date settle at intrinsic.
    /// </summary>
    public static void RevalueInstruments(ArrayView<double> tile, PricingTable instruments, ScenarioView scenarios)
    {
        var stride = (long)Grid.DimX * Group.DimX;
        var paths = scenarios.Paths;
        var total = (long)instruments.Instruments * paths;
        for (var item = (long)Grid.GlobalLinearIndex; item < total; item += stride)
        {
            var i = (int)(item / paths);
            var p = (int)(item - (long)i * paths);
            var u = instruments.UnderlyingIndex[i];
            var spot = scenarios.Spot[(long)u * paths + p];
            var atmVol = scenarios.AtmVol[(long)u * paths + p];
            tile[item] = instruments.Terms(i).UnitValue(spot, atmVol) - instruments.BaseValue[i];
        }
    }
}
