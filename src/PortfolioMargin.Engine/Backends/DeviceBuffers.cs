using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Engine.Backends;

/// <summary>Host arrays copied to the accelerator, counted by a meter, freed together.</summary>
internal sealed class DeviceBuffers(Accelerator accelerator, DeviceMemoryMeter meter) : IDisposable
{
    private readonly List<IDisposable> _buffers = [];

    public ArrayView<T> Upload<T>(T[] values)
        where T : unmanaged
    {
        // ILGPU refuses zero-length buffers on some backends; one spare element keeps empty books legal.
        var buffer = meter.Allocate<T>(accelerator, Math.Max(1, values.Length));
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
