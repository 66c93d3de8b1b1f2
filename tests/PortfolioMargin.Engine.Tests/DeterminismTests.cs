using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Tests;

/// <summary>Paths are keyed by (seed, path, step, factor), so results cannot depend on how the work was cut.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class DeterminismTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 3_001, Seed = 424242, Steps = 2 };

    [Fact]
    public void Same_seed_gives_bit_identical_results_across_runs()
    {
        var first = fixture.Engine().Run(Books.Mixed(Config));
        var second = fixture.Engine().Run(Books.Mixed(Config));

        AssertIdentical(first, second);
    }

    [Fact]
    public void Thread_group_shapes_do_not_change_a_bit()
    {
        var reference = fixture.Engine().Run(Books.Mixed(Config));
        foreach (var shape in new[] { new LaunchShape(1, 1), new LaunchShape(3, 3), new LaunchShape(7, 2), new LaunchShape(2, 4) })
        {
            using var accelerator = RiskAccelerator.Open(DeviceKind.Cpu, shape);
            AssertIdentical(reference, new MarginEngine(new IlgpuBackend(accelerator)).Run(Books.Mixed(Config)));
        }
    }

    [Fact]
    public void Account_batches_and_path_chunks_do_not_change_a_bit()
    {
        var reference = fixture.Engine().Run(Books.Mixed(Config));
        var split = fixture.Engine(new EngineOptions { MaxAccountsPerBatch = 3, MaxPathsPerChunk = 997 }).Run(Books.Mixed(Config));

        Assert.True(split.AccountBatches > 1 && split.PathChunks > split.AccountBatches);
        AssertIdentical(reference, split);
    }

    [Fact]
    public void Host_backend_agrees_bit_for_bit_with_the_ilgpu_kernels()
    {
        foreach (var config in new[] { Config, Config with { Innovations = Innovations.StudentT, Steps = 3, HorizonDays = 5 } })
        {
            var kernels = fixture.Engine().Run(Books.Mixed(config));
            using var host = new Host.HostBackend();
            var plain = new MarginEngine(host).Run(Books.Mixed(config));
            var split = new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2, MaxPathsPerChunk = 700 }).Run(Books.Mixed(config));

            AssertIdentical(kernels, plain);
            AssertIdentical(kernels, split);
        }
    }

    [Fact]
    public void Another_seed_gives_different_numbers()
    {
        var first = fixture.Engine().Run(Books.Mixed(Config));
        var other = fixture.Engine().Run(Books.Mixed(Config with { Seed = 424243 }));

        Assert.NotEqual(first.Accounts[0].Horizon.ExpectedShortfall, other.Accounts[0].Horizon.ExpectedShortfall);
    }

    [Fact]
    public void Kernels_agree_bit_for_bit_with_a_plain_csharp_evaluation_of_the_same_paths()
    {
        foreach (var config in new[] { new RiskConfig { Paths = 4_000, Seed = 17 }, new RiskConfig { Paths = 2_500, Innovations = Innovations.StudentT, Confidence = 0.975 } })
        {
            var inputs = Books.Mixed(config);
            var reference = HostReference.Tails(inputs);
            var result = fixture.Engine().Run(inputs);

            foreach (var account in result.Accounts)
            {
                var expected = reference[account.Account];
                Assert.Equal(expected.ValueAtRisk, account.Horizon.ValueAtRisk);
                Assert.Equal(expected.ExpectedShortfall, account.Horizon.ExpectedShortfall);
                Assert.Equal(expected.ExpectedShortfallStdError, account.Horizon.ExpectedShortfallStdError);
            }
        }
    }

    private static void AssertIdentical(MarginRunResult expected, MarginRunResult actual)
    {
        Assert.Equal(expected.Accounts.Count, actual.Accounts.Count);
        for (var i = 0; i < expected.Accounts.Count; i++)
        {
            // Records compare every field with double.Equals: bit-for-bit up to the sign of zero.
            Assert.Equal(expected.Accounts[i], actual.Accounts[i]);
        }

        // Positions too, with their share of the tail and the stress loss.
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.All(actual.Positions, p => Assert.NotNull(p.Attribution));
    }
}
