using ILGPU.Runtime;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Kernels;

/// <summary>A <see cref="BookLayout"/>'s account rows on the accelerator; instruments travel as <see cref="DevicePricing"/>.</summary>
internal sealed class DeviceBook : IDisposable
{
    private readonly DeviceBuffers _buffers;

    public DeviceBook(Accelerator accelerator, DeviceMemoryMeter meter, BookLayout layout)
    {
        _buffers = new DeviceBuffers(accelerator, meter);
        Layout = layout;
        Accounts = new AccountWeights
        {
            Start = _buffers.Upload(layout.AccountStart),
            Instrument = _buffers.Upload(layout.EntryInstrument),
            Weight = _buffers.Upload(layout.EntryWeight),
            Accounts = layout.Accounts.Count,
        };
    }

    public BookLayout Layout { get; }

    public AccountWeights Accounts { get; }

    public int InstrumentCount => Layout.InstrumentCount;

    public void Dispose() => _buffers.Dispose();
}
