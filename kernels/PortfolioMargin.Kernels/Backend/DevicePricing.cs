using ILGPU.Runtime;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Kernels;

/// <summary>A batch's instruments priced at one valuation date, uploaded as a <see cref="PricingTable"/>.</summary>
internal sealed class DevicePricing : IDisposable
{
    private readonly DeviceBuffers _buffers;

    public DevicePricing(Accelerator accelerator, DeviceMemoryMeter meter, BookLayout layout, PricingTerms[] terms)
    {
        _buffers = new DeviceBuffers(accelerator, meter);
        Table = new PricingTable
        {
            Type = _buffers.Upload(terms.Select(t => t.Type).ToArray()),
            UnderlyingIndex = _buffers.Upload(layout.UnderlyingIndex),
            Omega = _buffers.Upload(terms.Select(t => t.Omega).ToArray()),
            Strike = _buffers.Upload(terms.Select(t => t.Strike).ToArray()),
            Years = _buffers.Upload(terms.Select(t => t.Years).ToArray()),
            Carry = _buffers.Upload(terms.Select(t => t.Carry).ToArray()),
            DividendDiscount = _buffers.Upload(terms.Select(t => t.DividendDiscount).ToArray()),
            RateDiscount = _buffers.Upload(terms.Select(t => t.RateDiscount).ToArray()),
            SqrtYears = _buffers.Upload(terms.Select(t => t.SqrtYears).ToArray()),
            LogStrikeLessCarry = _buffers.Upload(terms.Select(t => t.LogStrikeLessCarry).ToArray()),
            Skew = _buffers.Upload(terms.Select(t => t.Skew).ToArray()),
            Smile = _buffers.Upload(terms.Select(t => t.Smile).ToArray()),
            BaseValue = _buffers.Upload(layout.BaseValue),
            Instruments = layout.InstrumentCount,
        };
    }

    public PricingTable Table { get; }

    public void Dispose() => _buffers.Dispose();
}
