using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace PortfolioMargin.Kernels;

/// <summary>
/// A device's peak arithmetic rates and memory bandwidth, for roofline floors: what the hardware could do at best,
/// so that a measured stage time can be stated as a multiple of its floor.
/// </summary>
public sealed record DevicePeak(double Fp32Gflops, double Fp64Gflops, double MemoryGBs, string Basis)
{
    /// <summary>
    /// From a CUDA device's own figures: multiprocessors × FP32 (FP64) lanes per multiprocessor × 2 flops per fused
    /// multiply-add × boost clock, and 2 transfers per memory clock (DDR/HBM) × bus width. Null for an
    /// architecture whose lane counts are not in the table; pass the peaks to `pm bench` instead.
    /// </summary>
    public static DevicePeak? OfCuda(int major, int minor, int multiprocessors, double clockKHz, double memoryClockKHz, int busWidthBits)
    {
        (int Fp32, int Fp64)? lanes = (major, minor) switch
        {
            (7, 0) => (64, 32),   // V100
            (7, 5) => (64, 2),    // T4, RTX 20
            (8, 0) => (64, 32),   // A100
            (8, 6) or (8, 7) or (8, 9) => (128, 2), // A10, L4, L40, RTX 30/40
            (9, 0) => (128, 64),  // H100, H200
            _ => null,
        };
        if (lanes is not { } l)
        {
            return null;
        }

        var flopsPerLanePerSecond = 2.0 * clockKHz * 1e3;
        return new DevicePeak(
            multiprocessors * l.Fp32 * flopsPerLanePerSecond / 1e9,
            multiprocessors * l.Fp64 * flopsPerLanePerSecond / 1e9,
            2.0 * memoryClockKHz * 1e3 * busWidthBits / 8 / 1e9,
            $"sm_{major}{minor}: {multiprocessors} SMs × {l.Fp32} FP32 / {l.Fp64} FP64 lanes × {clockKHz / 1e6:F2} GHz; {busWidthBits}-bit bus at {memoryClockKHz / 1e6:F2} GHz DDR");
    }

    /// <summary>The peaks of a CUDA accelerator; null for other accelerators.</summary>
    public static DevicePeak? Of(Accelerator accelerator) =>
        accelerator is CudaAccelerator { Architecture: { } architecture } cuda
            ? OfCuda(architecture.Major, architecture.Minor, cuda.NumMultiprocessors, cuda.ClockRate, cuda.MemoryClockRate, cuda.MemoryBusWidth)
            : null;
}
