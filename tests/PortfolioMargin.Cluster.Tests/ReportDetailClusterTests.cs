using PortfolioMargin.Core.Runs;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Reporting.Margin;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// `--report` through two silos: each shard sends back the detail of its own report's accounts, and the run's
/// report-detail.parquet holds exactly the accounts, histograms and grids the direct engine call records.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportDetailClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_two_silo_run_with_a_report_records_the_direct_runs_detail_of_the_books_report_accounts()
    {
        var request = SampleBook.Request(fixture.Inputs, "with-report", fixture.Folder) with { Report = true, UpdateAccounts = false };
        var direct = TestAccelerator.Shared.Run(fixture.Inputs, 0, recordDetail: true).Result;
        var expected = ReportAccounts.Detailed(direct.Accounts, direct.Details!);

        // No account grain takes these results (the base run's stand), so the run is done once its files are.
        var run = fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId);
        var status = await run.Submit(request);
        for (var wait = 0; wait < 180 && status.Phase != RunPhase.Completed && status.StoppedBy is null; wait++)
        {
            status = await run.WaitForCompletion(TimeSpan.FromSeconds(1));
        }

        Assert.True(status.Phase == RunPhase.Completed, status.StoppedBy);
        var folder = Path.Combine(fixture.Folder, "with-report");
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Report)));
        var written = await ReportDetailFile.ReadAsync(Path.Combine(folder, ResultFiles.ReportDetail));

        // The book's top 10 fall in both shards, so the choice is made over their union, not within one shard.
        Assert.Equal(expected.Select(d => d.Account), written.Keys);
        var shards = Silo.Runs.RunShards.Plan(request, 2).Jobs;
        var firstShard = shards[0].Positions.Select(p => p.Account).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(expected, d => firstShard.Contains(d.Account));
        Assert.Contains(expected, d => !firstShard.Contains(d.Account));
        foreach (var detail in expected)
        {
            AssertSame(detail, written[detail.Account]);
        }
    }

    private static void AssertSame(AccountDetail expected, AccountDetail actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LossLowest), BitConverter.DoubleToInt64Bits(actual.LossLowest));
        Assert.Equal(expected.PathCounts, actual.PathCounts);
        Assert.Equal(expected.Stress, actual.Stress);
    }
}
