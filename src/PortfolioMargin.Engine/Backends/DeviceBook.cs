using ILGPU;
using ILGPU.Runtime;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>A <see cref="BookLayout"/> on the accelerator: the instrument table and the account rows.</summary>
internal sealed class DeviceBook : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public DeviceBook(Accelerator accelerator, BookLayout layout)
    {
        Instruments = new InstrumentTable
        {
            Type = Upload(accelerator, layout.Type),
            UnderlyingIndex = Upload(accelerator, layout.UnderlyingIndex),
            Omega = Upload(accelerator, layout.Omega),
            Strike = Upload(accelerator, layout.Strike),
            ExpiryYears = Upload(accelerator, layout.ExpiryYears),
            BaseValue = Upload(accelerator, layout.BaseValue),
        };
        Accounts = new AccountWeights
        {
            Start = Upload(accelerator, layout.AccountStart),
            Instrument = Upload(accelerator, layout.EntryInstrument),
            Weight = Upload(accelerator, layout.EntryWeight),
            Accounts = layout.Accounts.Count,
        };
        InstrumentCount = layout.InstrumentCount;
    }

    public InstrumentTable Instruments { get; }

    public AccountWeights Accounts { get; }

    public int InstrumentCount { get; }

    private ArrayView<T> Upload<T>(Accelerator accelerator, T[] values)
        where T : unmanaged
    {
        // ILGPU refuses zero-length buffers on some backends; one spare element keeps empty books legal.
        var buffer = accelerator.Allocate1D<T>(Math.Max(1, values.Length));
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
