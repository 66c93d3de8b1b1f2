using ILGPU.Runtime;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Kernels;

/// <summary>The market snapshot on the accelerator: the factor model's initial state and the Cholesky factor.</summary>
internal sealed class DeviceMarket : IDisposable
{
    private readonly DeviceBuffers _buffers;

    public DeviceMarket(Accelerator accelerator, DeviceMemoryMeter meter, MarketSnapshot market)
    {
        _buffers = new DeviceBuffers(accelerator, meter);
        var u = market.Underlyings;
        var n = u.Count;
        var cholesky = CorrelationFactor.CholeskyRowMajor(market.Correlation);
        Factors = new FactorModel
        {
            Spot = _buffers.Upload(u.Select(x => x.Spot).ToArray()),
            AtmVol = _buffers.Upload(u.Select(x => x.AtmVol).ToArray()),
            VolOfVol = _buffers.Upload(u.Select(x => x.VolOfVol).ToArray()),
            SpotVolCorrelation = _buffers.Upload(u.Select(x => x.SpotVolCorrelation).ToArray()),
            Cholesky = _buffers.Upload(cholesky),
        };
        UnderlyingCount = n;
        Snapshot = market;
    }

    public FactorModel Factors { get; }

    public int UnderlyingCount { get; }

    public MarketSnapshot Snapshot { get; }

    public void Dispose() => _buffers.Dispose();
}
