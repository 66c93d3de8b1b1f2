using ILGPU;
using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Kernels;

/// <summary>Scalars of one scenario-simulation launch.</summary>
internal struct ScenarioParameters
{
    public ulong Seed;
    public int Underlyings;
    public int Steps;

    /// <summary>Paths in this chunk; the buffers hold [step][underlying][path in chunk].</summary>
    public int Paths;

    /// <summary>Global index of the chunk's first path: random numbers are keyed by the global index.</summary>
    public int FirstPath;

    public double StepYears;

    /// <summary>A <see cref="Core.Risk.Innovations"/> value as an int (kernel parameters are plain structs).</summary>
    public int Innovations;

    public double DegreesOfFreedom;
}

/// <summary>Initial state and dynamics per underlying.</summary>
internal struct FactorModel
{
    public ArrayView<double> Spot;
    public ArrayView<double> AtmVol;
    public ArrayView<double> VolOfVol;
    public ArrayView<double> SpotVolCorrelation;

    /// <summary>Row-major lower Cholesky factor of the spot-return correlation.</summary>
    public ArrayView<double> Cholesky;
}

internal static class ScenarioKernel
{
    /// <summary>
    /// SimulateFactors: lognormal spots with zero drift and lognormal ATM vols, correlated through the
    /// Cholesky factor, over equal sub-steps; each spot step uses the vol at the start of the step. Grid-stride
    /// over paths. The raw normals are written into the output first and correlated in place from the last
    /// underlying down, because z_i needs only raw_j for j ≤ i: no per-thread scratch array is needed.
    /// </summary>
    public static void SimulateFactors(ArrayView<double> spotOut, ArrayView<double> volOut, FactorModel model, ScenarioParameters parameters)
    {
        var stride = Grid.DimX * Group.DimX;
        var n = parameters.Underlyings;
        var paths = parameters.Paths;
        var sqrtDt = Math.Sqrt(parameters.StepYears);
        for (var p = Grid.GlobalLinearIndex; p < paths; p += stride)
        {
            var globalPath = (uint)(parameters.FirstPath + p);
            for (var step = 0; step < parameters.Steps; step++)
            {
                var stepBase = (long)step * n * paths;
                var previousBase = (long)(step - 1) * n * paths;
                var scale = parameters.Innovations == (int)Core.Risk.Innovations.StudentT
                    ? CounterNormals.StudentTScale(parameters.Seed, globalPath, (uint)step, parameters.DegreesOfFreedom)
                    : 1.0;
                for (var u = 0; u < n; u++)
                {
                    spotOut[stepBase + (long)u * paths + p] = CounterNormals.Normal(parameters.Seed, globalPath, (uint)step, CounterNormals.SpotStream, (uint)u);
                }

                for (var i = n - 1; i >= 0; i--)
                {
                    var z = 0.0;
                    for (var j = 0; j <= i; j++)
                    {
                        z += model.Cholesky[(long)i * n + j] * spotOut[stepBase + (long)j * paths + p];
                    }

                    spotOut[stepBase + (long)i * paths + p] = z;
                }

                for (var u = 0; u < n; u++)
                {
                    var index = stepBase + (long)u * paths + p;
                    var z = spotOut[index] * scale;
                    var epsilon = CounterNormals.Normal(parameters.Seed, globalPath, (uint)step, CounterNormals.VolStream, (uint)u) * scale;
                    var w = FactorStep.VolShock(model.SpotVolCorrelation[u], z, epsilon);
                    var spot = step == 0 ? model.Spot[u] : spotOut[previousBase + (long)u * paths + p];
                    var sigma = step == 0 ? model.AtmVol[u] : volOut[previousBase + (long)u * paths + p];
                    spotOut[index] = FactorStep.Spot(spot, sigma, parameters.StepYears, sqrtDt, z);
                    volOut[index] = FactorStep.AtmVol(sigma, model.VolOfVol[u], parameters.StepYears, sqrtDt, w);
                }
            }
        }
    }
}
