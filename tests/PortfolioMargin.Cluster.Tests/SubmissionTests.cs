using Microsoft.Extensions.DependencyInjection;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SubmissionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Three_clients_submitting_one_run_id_at_once_get_one_run()
    {
        var request = SampleBook.Request(fixture.Inputs, "submitted-thrice", fixture.Folder);
        var accounts = fixture.Direct.Keys.ToArray();
        var before = await RecomputationsAsync(accounts);

        // The test client and a client inside each silo, all at once.
        IGrainFactory[] clients = [fixture.Grains, .. fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>())];
        var submitted = await Task.WhenAll(clients.Select(c => c.GetGrain<IMarginRunGrain>(request.RunId).Submit(request)));
        var status = await ClusterFixture.WaitAsync(fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId), submitted[0]);

        Assert.Equal((RunPhase.Completed, accounts.Length, 1, clients.Length), (status.Phase, status.Done, status.Starts, status.Submissions));
        var after = await RecomputationsAsync(accounts);
        Assert.All(accounts, a => Assert.Equal(before[a] + 1, after[a]));
        Assert.Single(Directory.GetDirectories(fixture.Folder, "*submitted-thrice*"));
        Assert.True(File.Exists(Path.Combine(fixture.Folder, request.RunId, ResultFiles.RunRecord)));

        // A finished run submitted again answers from its results and prices nothing.
        var again = await fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId).Submit(request);
        Assert.Equal((RunPhase.Completed, 1), (again.Phase, again.Starts));
        Assert.Equal(after, await RecomputationsAsync(accounts));
    }

    private async Task<Dictionary<string, int>> RecomputationsAsync(IEnumerable<string> accounts)
    {
        var views = await Task.WhenAll(accounts.Select(a => fixture.Grains.GetGrain<IAccountGrain>(a).GetAccount()));
        return views.ToDictionary(v => v.Account, v => v.Recomputations, StringComparer.Ordinal);
    }
}
