using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Engine.Tests;

/// <summary>
/// The t = 0 valuation and the next batch's packing run beside the Monte Carlo batches; overlapping them changes
/// nothing the run returns.
/// </summary>
public sealed class PipelineTests
{
    [Fact]
    public void Packing_the_next_batch_while_pricing_this_one_changes_no_result()
    {
        var inputs = Books.Mixed(new RiskConfig { Paths = 2_000, Seed = 11 });
        using var host = new HostBackend();

        var result = new MarginEngine(host, new EngineOptions { MaxAccountsPerBatch = 2 }).Run(inputs);
        var whole = new MarginEngine(host).Run(inputs);

        Assert.True(result.AccountBatches > 1, "several batches, so packing the next one overlaps pricing this one");
        Assert.Equal(whole.Accounts, result.Accounts);
        Assert.Equal(whole.Positions, result.Positions);
    }
}
