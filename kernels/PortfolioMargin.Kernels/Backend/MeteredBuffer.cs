using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Kernels;

/// <summary>
/// The first <see cref="Length"/> elements of a device buffer lent by a <see cref="DeviceMemoryMeter"/>, which
/// gets it back on disposal. Kernels see only <see cref="View"/>, exactly as long as asked for, so a reused larger
/// buffer changes nothing they compute.
/// </summary>
internal sealed class MeteredBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly MemoryBuffer1D<T, Stride1D.Dense> _buffer;
    private readonly DeviceMemoryMeter _meter;
    private int _returned;

    public MeteredBuffer(MemoryBuffer1D<T, Stride1D.Dense> buffer, long length, DeviceMemoryMeter meter)
    {
        _buffer = buffer;
        _meter = meter;
        Length = length;
    }

    public long Length { get; }

    public ArrayView1D<T, Stride1D.Dense> View => _buffer.View.SubView(0, Length);

    public T[] GetAsArray1D() => View.GetAsArray1D();

    public void Dispose()
    {
        // Idempotent: a buffer handed back twice would be lent to two users at once.
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            _meter.Return(_buffer);
        }
    }
}
