namespace PortfolioMargin.Kernels;

/// <summary>
/// Groups × threads per group of every grid-stride launch. Results do not depend on it (each item is computed
/// independently); only speed does. On the CPU accelerator every simulated thread costs about a microsecond to
/// schedule, so there a few threads each take many paths.
/// </summary>
internal readonly record struct LaunchShape(int Groups, int ThreadsPerGroup)
{
    public int TotalThreads => Groups * ThreadsPerGroup;
}
