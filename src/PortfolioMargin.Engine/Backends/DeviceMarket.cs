using ILGPU;
using ILGPU.Runtime;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>The market snapshot on the accelerator: the factor model's initial state and the smile tables.</summary>
internal sealed class DeviceMarket : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public DeviceMarket(Accelerator accelerator, MarketSnapshot market)
    {
        var u = market.Underlyings;
        var n = u.Count;
        var cholesky = CorrelationFactor.CholeskyRowMajor(market.Correlation);
        Factors = new FactorModel
        {
            Spot = Upload(accelerator, u.Select(x => x.Spot).ToArray()),
            AtmVol = Upload(accelerator, u.Select(x => x.AtmVol).ToArray()),
            VolOfVol = Upload(accelerator, u.Select(x => x.VolOfVol).ToArray()),
            SpotVolCorrelation = Upload(accelerator, u.Select(x => x.SpotVolCorrelation).ToArray()),
            Cholesky = Upload(accelerator, cholesky),
        };
        Smiles = new UnderlyingTable
        {
            Skew = Upload(accelerator, u.Select(x => x.Skew).ToArray()),
            Smile = Upload(accelerator, u.Select(x => x.Smile).ToArray()),
            DividendYield = Upload(accelerator, u.Select(x => x.DividendYield).ToArray()),
        };
        Rate = market.Rate;
        UnderlyingCount = n;
    }

    public FactorModel Factors { get; }

    public UnderlyingTable Smiles { get; }

    public double Rate { get; }

    public int UnderlyingCount { get; }

    private ArrayView<double> Upload(Accelerator accelerator, double[] values)
    {
        var buffer = accelerator.Allocate1D<double>(Math.Max(1, values.Length));
        if (values.Length > 0)
        {
            buffer.View.SubView(0, values.Length).CopyFromCPU(values);
        }

        _buffers.Add(buffer);
        return buffer.View;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
    }
}
