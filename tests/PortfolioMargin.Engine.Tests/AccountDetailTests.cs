using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// What `pm run --report` has the engine keep per account: a histogram that holds every path, whose tail is where
/// the VaR is, and a stress grid whose worst point is the one the requirement used, on every backend and batching.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class AccountDetailTests(CpuAcceleratorFixture fixture)
{
    private static readonly RiskConfig Config = new() { Paths = 3_000 };

    public static TheoryData<string> Backends => ["host", "cpu"];

    [Theory]
    [MemberData(nameof(Backends))]
    public void Every_account_has_a_histogram_of_all_its_paths_and_its_whole_stress_grid(string backend)
    {
        var options = new EngineOptions { RecordAccountDetail = true, MaxAccountsPerBatch = 3 };
        var result = Run(backend, Books.Mixed(Config), options);

        var details = result.Details!;
        Assert.Equal(result.Accounts.Select(a => a.Account).Order(StringComparer.Ordinal), details.Keys.Order(StringComparer.Ordinal));
        foreach (var account in result.Accounts)
        {
            var detail = details[account.Account];
            Assert.Equal(Config.Paths, detail.PathCounts.Sum());
            Assert.Equal(Config.PriceMoves.Count * Config.VolMoves.Count, detail.Stress.Count);

            // The grid's first largest loss in price-major order is the reported worst point, to the bit.
            var worst = detail.Stress.Aggregate((best, next) => next.Loss > best.Loss ? next : best);
            Assert.Equal(account.Stress.Loss, worst.Loss);
            Assert.Equal(account.Stress.PriceMoveRelative, worst.PriceMoveRelative);
            Assert.Equal(account.Stress.VolMoveRelative, worst.VolMoveRelative);

            // The VaR is a path's loss, so it lies within the histogram's range.
            Assert.InRange(account.Horizon.ValueAtRisk, detail.LossLowest, detail.LossLowest + detail.BinWidth * detail.PathCounts.Length + 1e-6);
        }
    }

    [Fact]
    public void Nothing_is_recorded_unless_asked_for()
    {
        Assert.Null(Run("host", Books.Mixed(Config), null).Details);
    }

    [Fact]
    public void Histogram_bins_are_equal_and_the_largest_loss_is_in_the_last()
    {
        var (lowest, width, counts) = AccountDetail.Histogram([-1.0, 0.0, 0.5, 3.0], 4);

        Assert.Equal(-1.0, lowest);
        Assert.Equal(1.0, width);
        Assert.Equal([1, 2, 0, 1], counts);
        Assert.Equal([4], AccountDetail.Histogram([2.0, 2.0, 2.0, 2.0]).Counts);
    }

    private MarginRunResult Run(string backend, Core.Input.MarginInputs inputs, EngineOptions? options)
    {
        if (backend == "cpu")
        {
            return fixture.Engine(options).Run(inputs);
        }

        using var host = new HostBackend();
        return new MarginEngine(host, options).Run(inputs);
    }
}
