using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Tests.Backtesting;

/// <summary>
/// Z2 on a hand-computed case, and under normal losses with a time-varying σ_t: a correct model (VaR and ES of
/// N(0, σ_t²) at α = 2.5%) is not rejected and its simulated Z2 centres on 0 within 4 standard errors; a model
/// whose true vol is doubled is rejected.
/// </summary>
public class AcerbiSzekelyTestTests
{
    private const ulong Seed = 20260301;
    private const double Alpha = 0.025;
    private const int Days = 500;
    private const int Simulations = 2000;

    // Φ⁻¹(0.975), and ES/σ = φ(z)/α for the normal.
    private const double StandardNormalQuantile = 1.959963984540054;

    [Fact]
    public void Hand_computed_statistic()
    {
        // α = 0.25, T = 4: exceedances 3 and 5 over ES 4 → (3/4 + 5/4)/(4 · 0.25) − 1 = 1.
        double[] losses = [3.0, 1.0, 5.0, 0.0];
        double[] valueAtRisk = [2.0, 2.0, 2.0, 2.0];
        double[] expectedShortfall = [4.0, 4.0, 4.0, 4.0];
        Assert.Equal(1.0, AcerbiSzekelyTest.Z2(losses, valueAtRisk, expectedShortfall, 0.25), 1e-15);
    }

    [Fact]
    public void No_tail_losses_give_minus_one()
    {
        Assert.Equal(-1.0, AcerbiSzekelyTest.Z2([0.5, 1.0], [2.0, 2.0], [3.0, 3.0], 0.025));
    }

    [Fact]
    public void Correctly_specified_normal_model_is_not_rejected()
    {
        var model = NormalModel();
        var losses = Losses(model.Vol, 1.0);

        var test = AcerbiSzekelyTest.Test(losses, model.VaR, model.ES, Alpha, (t, i) => model.Vol[t] * Normal(i + 1, t), Simulations);

        Assert.True(Math.Abs(test.SimulatedMean) <= 4.0 * test.SimulatedStdDev / Math.Sqrt(Simulations), $"simulated mean {test.SimulatedMean}");
        Assert.True(Math.Abs(test.Z2) <= 4.0 * test.SimulatedStdDev, $"Z2 {test.Z2}, spread {test.SimulatedStdDev}");
        Assert.True(test.PValue > 0.05, $"p {test.PValue}");
    }

    [Fact]
    public void Doubled_true_vol_is_strongly_rejected()
    {
        var model = NormalModel();
        var losses = Losses(model.Vol, 2.0);

        var test = AcerbiSzekelyTest.Test(losses, model.VaR, model.ES, Alpha, (t, i) => model.Vol[t] * Normal(i + 1, t), Simulations);

        Assert.True(test.Z2 > test.SimulatedMean + 6.0 * test.SimulatedStdDev, $"Z2 {test.Z2}");
        Assert.True(test.PValue < 0.001, $"p {test.PValue}");
    }

    [Fact]
    public void Scenario_samples_give_the_same_verdicts_and_are_reproducible_from_the_seed()
    {
        var model = NormalModel();
        var scenarios = new double[Days][];
        for (var t = 0; t < Days; t++)
        {
            scenarios[t] = new double[1000];
            for (var s = 0; s < 1000; s++)
            {
                scenarios[t][s] = model.Vol[t] * CounterNormals.Normal(Seed + 1, (uint)s, (uint)t, CounterNormals.SpotStream, 0);
            }
        }

        var correct = AcerbiSzekelyTest.Test(Losses(model.Vol, 1.0), model.VaR, model.ES, Alpha, scenarios, 500, Seed);
        var again = AcerbiSzekelyTest.Test(Losses(model.Vol, 1.0), model.VaR, model.ES, Alpha, scenarios, 500, Seed);
        var doubled = AcerbiSzekelyTest.Test(Losses(model.Vol, 2.0), model.VaR, model.ES, Alpha, scenarios, 500, Seed);

        Assert.Equal(correct, again);
        Assert.True(correct.PValue > 0.05, $"p {correct.PValue}");
        Assert.True(doubled.PValue < 0.01, $"p {doubled.PValue}");
    }

    private static (double[] Vol, double[] VaR, double[] ES) NormalModel()
    {
        var shortfallPerVol = NormalDistribution.Density(StandardNormalQuantile) / Alpha;
        var vol = new double[Days];
        var valueAtRisk = new double[Days];
        var expectedShortfall = new double[Days];
        for (var t = 0; t < Days; t++)
        {
            vol[t] = 1.0 + 0.5 * Math.Sin(2.0 * Math.PI * t / 125.0);
            valueAtRisk[t] = vol[t] * StandardNormalQuantile;
            expectedShortfall[t] = vol[t] * shortfallPerVol;
        }

        return (vol, valueAtRisk, expectedShortfall);
    }

    // The realised history is path 0; simulated histories use paths 1..M, so they are independent of it.
    private static double[] Losses(double[] vol, double volMultiplier) =>
        Enumerable.Range(0, Days).Select(t => volMultiplier * vol[t] * Normal(0, t)).ToArray();

    private static double Normal(int path, int t) => CounterNormals.Normal(Seed, (uint)path, (uint)t, CounterNormals.SpotStream, 0);
}
