using ILGPU.Runtime;

namespace PortfolioMargin.Engine.Backends;

/// <summary>
/// Bytes of accelerator memory the engine holds now and at most so far. ILGPU reports only the device's total, and
/// a driver's free-memory figure counts other processes too, so the engine counts its own buffers as it allocates
/// and frees them. Interlocked, because one backend may serve several runs at once (a silo's grains).
/// </summary>
internal sealed class DeviceMemoryMeter
{
    private long _liveBytes;
    private long _peakBytes;

    public long LiveBytes => Interlocked.Read(ref _liveBytes);

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public MeteredBuffer<T> Allocate<T>(Accelerator accelerator, long length)
        where T : unmanaged =>
        new(accelerator.Allocate1D<T>(length), this);

    /// <summary>A buffer holding a copy of <paramref name="values"/>.</summary>
    public MeteredBuffer<T> Upload<T>(Accelerator accelerator, T[] values)
        where T : unmanaged =>
        new(accelerator.Allocate1D(values), this);

    public void Add(long bytes)
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

    public void Remove(long bytes) => Interlocked.Add(ref _liveBytes, -bytes);
}
