using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Engine.Backends;

/// <summary>An ILGPU buffer whose bytes count in a <see cref="DeviceMemoryMeter"/> until it is disposed.</summary>
internal sealed class MeteredBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly DeviceMemoryMeter _meter;
    private readonly long _bytes;
    private int _disposed;

    public MeteredBuffer(MemoryBuffer1D<T, Stride1D.Dense> buffer, DeviceMemoryMeter meter)
    {
        Buffer = buffer;
        _meter = meter;
        _bytes = buffer.LengthInBytes;
        meter.Add(_bytes);
    }

    public MemoryBuffer1D<T, Stride1D.Dense> Buffer { get; }

    public ArrayView1D<T, Stride1D.Dense> View => Buffer.View;

    public T[] GetAsArray1D() => Buffer.GetAsArray1D();

    public void Dispose()
    {
        // Idempotent: a buffer disposed twice must not lower the live count twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Buffer.Dispose();
            _meter.Remove(_bytes);
        }
    }
}
