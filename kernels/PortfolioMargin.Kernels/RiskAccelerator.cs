using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Kernels;

/// <summary>
/// One ILGPU accelerator with the risk kernels compiled once and kept for the life of the process (or of the
/// worker that owns it). Every launch is a grid-stride loop over the shape in <see cref="Shape"/>.
/// </summary>
public sealed class RiskAccelerator : IDisposable
{
    private readonly Context _context;

    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<double>, FactorModel, ScenarioParameters> _simulate;
    private readonly Action<KernelConfig, ArrayView<double>, PricingTable, ScenarioView> _revalue;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<double>, ArrayView<double>, AccountWeights, AggregationParameters> _aggregate;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<double>, TailOutput, TailParameters> _reduceTail;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<int>, BucketParameters> _bucketPaths;
    private readonly Action<KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<double>, int> _trackExtremes;

    private RiskAccelerator(Context context, Accelerator accelerator, LaunchShape? shape)
    {
        _context = context;
        Accelerator = accelerator;
        Shape = shape ?? DefaultShape(accelerator);
        _simulate = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, FactorModel, ScenarioParameters>(ScenarioKernel.SimulateFactors);
        _revalue = accelerator.LoadStreamKernel<ArrayView<double>, PricingTable, ScenarioView>(RevaluationKernel.RevalueInstruments);
        _aggregate = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, ArrayView<double>, AccountWeights, AggregationParameters>(AggregationKernel.AggregateAccounts);
        _reduceTail = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<double>, TailOutput, TailParameters>(TailKernel.ReduceTailLoss);
        _bucketPaths = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<int>, BucketParameters>(ExtremesKernel.BucketPaths);
        _trackExtremes = accelerator.LoadStreamKernel<ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<double>, int>(ExtremesKernel.TrackExtremes);
    }

    public Accelerator Accelerator { get; }

    internal LaunchShape Shape { get; }

    /// <summary>A short description for run records: the backend and the device name.</summary>
    public string Description => $"{Accelerator.AcceleratorType.ToString().ToLowerInvariant()}: {Accelerator.Name}";

    public AcceleratorType Type => Accelerator.AcceleratorType;

    /// <summary>Opens the requested accelerator; with <see cref="DeviceKind.Auto"/> the first that works of CUDA, OpenCL, CPU.</summary>
    public static RiskAccelerator Open(DeviceKind kind = DeviceKind.Auto) => Open(kind, null);

    /// <param name="shape">The launch shape to use instead of the device's default (tests of thread layouts).</param>
    internal static RiskAccelerator Open(DeviceKind kind, LaunchShape? shape)
    {
        var context = Context.Create(builder =>
        {
            // Algorithms supplies double-precision exp/log/sin/cos on GPU backends without the CUDA SDK's libdevice.
            builder.Optimize(OptimizationLevel.O2).Math(MathMode.Default).EnableAlgorithms();
            if (kind is DeviceKind.Auto or DeviceKind.Cuda)
            {
                builder.Cuda();
            }

            if (kind is DeviceKind.Auto or DeviceKind.OpenCL)
            {
                builder.OpenCL(device => device.Capabilities.Float64);
            }

            builder.CPU(new CPUDevice(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: 1, numMultiprocessors: Math.Max(1, Environment.ProcessorCount)));
        });

        try
        {
            var device = kind switch
            {
                DeviceKind.Cuda => FirstOf(context, AcceleratorType.Cuda)
                    ?? throw new InvalidOperationException("--device cuda: no CUDA device was found."),
                DeviceKind.OpenCL => FirstOf(context, AcceleratorType.OpenCL)
                    ?? throw new InvalidOperationException("--device opencl: no OpenCL device with double precision was found."),
                DeviceKind.Cpu => context.GetCPUDevice(0),
                DeviceKind.Auto => FirstOf(context, AcceleratorType.Cuda)
                    ?? FirstOf(context, AcceleratorType.OpenCL)
                    ?? context.GetCPUDevice(0),
                DeviceKind.Host => throw new ArgumentException("host is the engine's plain C# backend, not an ILGPU accelerator: open it with RiskBackends.Open", nameof(kind)),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a device kind"),
            };
            var accelerator = device.CreateAccelerator(context);
            return new RiskAccelerator(context, accelerator, shape);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first CUDA, then OpenCL (double precision) device with the kernels compiled, or null without one. Only the
    /// GPU backends are probed: no CPU accelerator is created, and no kernel compiled, just to be thrown away.
    /// </summary>
    internal static RiskAccelerator? OpenGpu(LaunchShape? shape = null)
    {
        var context = Context.Create(builder => builder
            .Optimize(OptimizationLevel.O2).Math(MathMode.Default).EnableAlgorithms()
            .Cuda()
            .OpenCL(device => device.Capabilities.Float64));
        try
        {
            if ((FirstOf(context, AcceleratorType.Cuda) ?? FirstOf(context, AcceleratorType.OpenCL)) is not { } device)
            {
                context.Dispose();
                return null;
            }

            return new RiskAccelerator(context, device.CreateAccelerator(context), shape);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static Device? FirstOf(Context context, AcceleratorType type) =>
        context.Devices.FirstOrDefault(device => device.AcceleratorType == type);

    /// <summary>GPU: enough 256-thread groups to fill every multiprocessor twice. CPU: one simulated warp per core.</summary>
    internal static LaunchShape DefaultShape(Accelerator accelerator)
    {
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
        {
            return new LaunchShape(Math.Max(1, accelerator.NumMultiprocessors), accelerator.WarpSize);
        }

        var threads = Math.Min(256, accelerator.MaxNumThreadsPerGroup);
        var groups = Math.Max(1, accelerator.NumMultiprocessors * Math.Max(1, accelerator.MaxNumThreadsPerMultiprocessor / threads) * 2);
        return new LaunchShape(groups, threads);
    }

    private KernelConfig Config => new(Shape.Groups, Shape.ThreadsPerGroup);

    internal void SimulateFactors(ArrayView<double> spotOut, ArrayView<double> volOut, FactorModel model, ScenarioParameters parameters) =>
        _simulate(Config, spotOut, volOut, model, parameters);

    internal void RevalueInstruments(ArrayView<double> tile, PricingTable instruments, ScenarioView scenarios) =>
        _revalue(Config, tile, instruments, scenarios);

    internal void AggregateAccounts(ArrayView<double> accountPnl, ArrayView<double> worstLoss, ArrayView<double> tile, AccountWeights accounts, AggregationParameters parameters) =>
        _aggregate(Config, accountPnl, worstLoss, tile, accounts, parameters);

    internal void ReduceTailLoss(ArrayView<double> rows, ArrayView<double> scratch, TailOutput output, TailParameters parameters) =>
        _reduceTail(Config, rows, scratch, output, parameters);

    internal void BucketPaths(ArrayView<double> horizonSpot, ArrayView<int> bucket, BucketParameters parameters) =>
        _bucketPaths(Config, horizonSpot, bucket, parameters);

    internal void TrackExtremes(
        ArrayView<double> tile, ArrayView<int> bucket, ArrayView<int> underlyingIndex, ArrayView<double> lowest, ArrayView<double> highest, int paths) =>
        _trackExtremes(Config, tile, bucket, underlyingIndex, lowest, highest, paths);

    public void Synchronize() => Accelerator.Synchronize();

    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
