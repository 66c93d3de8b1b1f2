using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The t = 0 valuation runs beside the Monte Carlo batches and hands the positions to the caller before the run
/// ends, so the positions table can be written while the paths are priced.
/// </summary>
public sealed class PipelineTests
{
    [Fact]
    public void Positions_are_handed_over_once_before_the_run_returns_and_equal_its_result()
    {
        var inputs = Books.Mixed(new RiskConfig { Paths = 2_000, Seed = 11 });
        using var host = new HostBackend();
        var handed = new List<IReadOnlyList<PositionRisk>>();
        var returned = false;
        var handedBeforeReturn = false;

        var result = new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2 }).Run(inputs, positionsValued: positions =>
        {
            lock (handed)
            {
                handed.Add(positions);
                handedBeforeReturn = !Volatile.Read(ref returned);
            }
        });
        Volatile.Write(ref returned, true);

        Assert.True(result.AccountBatches > 1, "several batches, so packing the next one overlaps pricing this one");
        Assert.True(handedBeforeReturn);
        Assert.Equal(result.Positions, Assert.Single(handed));
        Assert.Equal(new MarginEngine(host).Run(inputs).Accounts, result.Accounts);
    }

    [Fact]
    public void A_failing_handover_fails_the_run()
    {
        var inputs = Books.Mixed(new RiskConfig { Paths = 500, Seed = 11 });
        using var host = new HostBackend();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new MarginEngine(host).Run(inputs, positionsValued: _ => throw new InvalidOperationException("disk full")));
        Assert.Equal("disk full", error.Message);
    }
}
