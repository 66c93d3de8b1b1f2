using ILGPU;
using ILGPU.Runtime;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>A <see cref="BookLayout"/> on the accelerator: the instrument table and the account rows.</summary>
internal sealed class DeviceBook : IDisposable
{
    private readonly DeviceBuffers _buffers;

    public DeviceBook(Accelerator accelerator, BookLayout layout)
    {
        _buffers = new DeviceBuffers(accelerator);
        Instruments = new InstrumentTable
        {
            Type = _buffers.Upload(layout.Type),
            UnderlyingIndex = _buffers.Upload(layout.UnderlyingIndex),
            Omega = _buffers.Upload(layout.Omega),
            Strike = _buffers.Upload(layout.Strike),
            ExpiryYears = _buffers.Upload(layout.ExpiryYears),
            BaseValue = _buffers.Upload(layout.BaseValue),
        };
        Accounts = new AccountWeights
        {
            Start = _buffers.Upload(layout.AccountStart),
            Instrument = _buffers.Upload(layout.EntryInstrument),
            Weight = _buffers.Upload(layout.EntryWeight),
            Accounts = layout.Accounts.Count,
        };
        InstrumentCount = layout.InstrumentCount;
    }

    public InstrumentTable Instruments { get; }

    public AccountWeights Accounts { get; }

    public int InstrumentCount { get; }

    public void Dispose() => _buffers.Dispose();
}
