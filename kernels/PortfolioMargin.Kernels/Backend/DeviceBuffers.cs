using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Kernels;

/// <summary>Host arrays copied to the accelerator, counted by a meter, handed back together.</summary>
internal sealed class DeviceBuffers(Accelerator accelerator, DeviceMemoryMeter meter) : IDisposable
{
    private readonly List<IDisposable> _buffers = [];

    public ArrayView<T> Upload<T>(T[] values)
        where T : unmanaged
    {
        var buffer = meter.Upload(accelerator, values);
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
