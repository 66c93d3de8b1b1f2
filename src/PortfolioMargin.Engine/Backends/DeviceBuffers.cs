using ILGPU;
using ILGPU.Runtime;

namespace PortfolioMargin.Engine.Backends;

/// <summary>Host arrays copied to the accelerator, freed together.</summary>
internal sealed class DeviceBuffers(Accelerator accelerator) : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public ArrayView<T> Upload<T>(T[] values)
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
