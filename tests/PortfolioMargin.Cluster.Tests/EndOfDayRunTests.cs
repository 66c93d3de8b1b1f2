using Microsoft.Extensions.DependencyInjection;
using PortfolioMargin.Grains;
using PortfolioMargin.Silo.Workers;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EndOfDayRunTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_account_of_a_two_silo_run_equals_the_direct_engine_bit_for_bit()
    {
        var results = await fixture.Grains.GetGrain<IMarginRunGrain>(ClusterFixture.BaseRun).GetResults();

        Assert.Equal(fixture.Direct.Keys.Order(StringComparer.Ordinal), results.Select(r => r.Account));
        foreach (var result in results)
        {
            // Records compare every field with double.Equals: bit for bit up to the sign of zero.
            Assert.Equal(fixture.Direct[result.Account], result);
        }
    }

    [Fact]
    public async Task Run_files_are_byte_identical_to_the_direct_engine_tables()
    {
        var folder = Path.Combine(fixture.Folder, ClusterFixture.BaseRun);
        var direct = Path.Combine(fixture.Folder, "direct-tables");
        Directory.CreateDirectory(direct);
        await ResultFiles.AccountTable(fixture.DirectRun.Accounts).WriteAsync(Path.Combine(direct, ResultFiles.Accounts));
        await ResultFiles.PositionTable(fixture.DirectRun.Positions).WriteAsync(Path.Combine(direct, ResultFiles.Positions));

        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.RunRecord)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(direct, ResultFiles.Accounts)), File.ReadAllBytes(Path.Combine(folder, ResultFiles.Accounts)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(direct, ResultFiles.Positions)), File.ReadAllBytes(Path.Combine(folder, ResultFiles.Positions)));
    }

    [Fact]
    public void Both_silos_priced_accounts_in_batches()
    {
        var batchers = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<MarginBatcher>()).ToList();

        Assert.All(batchers, b => Assert.True(b.AccountsPriced > 0));

        // Micro-batching: far fewer engine calls than accounts.
        Assert.True(batchers.Sum(b => b.Batches) * 4 <= batchers.Sum(b => b.AccountsPriced));
    }
}
