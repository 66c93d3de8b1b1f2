using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Kernels;

/// <summary>
/// The engine's device buffers: counted, and kept for the next batch instead of freed. Counted because ILGPU
/// reports only the device's total and a driver's free-memory figure counts other processes too; kept because
/// every batch of a run (and every run of a silo) asks for the same sizes, and allocating device memory costs a
/// driver call and a synchronisation each time. A request no idle buffer can serve frees the idle ones first, so
/// what is held never exceeds one batch's working set plus the buffers in use. Thread-safe: one backend may serve
/// several runs at once (a silo's grains).
/// </summary>
internal sealed class DeviceMemoryMeter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<MemoryBuffer> _idle = [];
    private long _liveBytes;
    private long _peakBytes;
    private long _allocations;

    /// <summary>Bytes held on the device now, in use or idle.</summary>
    public long LiveBytes => Interlocked.Read(ref _liveBytes);

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    /// <summary>Buffers actually allocated on the device, as opposed to handed out again.</summary>
    public long Allocations => Interlocked.Read(ref _allocations);

    public MeteredBuffer<T> Allocate<T>(Accelerator accelerator, long length)
        where T : unmanaged
    {
        // ILGPU refuses zero-length buffers on some backends; one spare element keeps empty books legal.
        length = Math.Max(1L, length);
        return new MeteredBuffer<T>(TakeIdle<T>(accelerator, length) ?? Fresh<T>(accelerator, length), length, this);
    }

    /// <summary>A buffer holding a copy of <paramref name="values"/>.</summary>
    public MeteredBuffer<T> Upload<T>(Accelerator accelerator, T[] values)
        where T : unmanaged
    {
        var buffer = Allocate<T>(accelerator, values.Length);
        if (values.Length > 0)
        {
            buffer.View.SubView(0, values.Length).CopyFromCPU(values);
        }

        return buffer;
    }

    /// <summary>A buffer its user is done with, kept for the next request.</summary>
    public void Return(MemoryBuffer buffer)
    {
        lock (_gate)
        {
            _idle.Add(buffer);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            FreeIdle();
        }
    }

    private MemoryBuffer1D<T, Stride1D.Dense>? TakeIdle<T>(Accelerator accelerator, long length)
        where T : unmanaged
    {
        lock (_gate)
        {
            // The smallest idle buffer of this element type that is long enough.
            var best = _idle.OfType<MemoryBuffer1D<T, Stride1D.Dense>>()
                .Where(b => b.Accelerator == accelerator && b.Length >= length)
                .MinBy(b => b.Length);
            if (best is not null)
            {
                _idle.Remove(best);
                return best;
            }

            FreeIdle();
            return null;
        }
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Fresh<T>(Accelerator accelerator, long length)
        where T : unmanaged
    {
        var buffer = accelerator.Allocate1D<T>(length);
        Interlocked.Increment(ref _allocations);
        Add(buffer.LengthInBytes);
        return buffer;
    }

    private void FreeIdle()
    {
        foreach (var buffer in _idle)
        {
            Interlocked.Add(ref _liveBytes, -buffer.LengthInBytes);
            buffer.Dispose();
        }

        _idle.Clear();
    }

    private void Add(long bytes)
    {
        var live = Interlocked.Add(ref _liveBytes, bytes);
        // Raise the peak only if no other thread has raised it past this value meanwhile.
        var peak = Interlocked.Read(ref _peakBytes);
        while (live > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBytes, live, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }
}
