using PortfolioMargin.Core.Margin;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// After a run's files are written: every account grain takes its book and margin (so intraday moves and
/// recomputes start from them), the holders of each underlying are registered in one call per underlying rather
/// than one per account and underlying, and the margin events the run found are logged in one write.
/// </summary>
internal static class RunDelivery
{
    /// <summary>Account grains taking their results at once: enough to keep every silo busy, not the whole book.</summary>
    public const int InFlight = 512;

    public static async Task DeliverAsync(
        IGrainFactory grains, MarginRunRequest request, IReadOnlyList<AccountMargin> accounts, MarginRunOptions options, CancellationToken cancellation)
    {
        var positions = request.Positions.ToLookup(p => p.Account, StringComparer.Ordinal);
        var collateral = request.Collateral.ToLookup(c => c.Account, StringComparer.Ordinal);

        var holders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (account, asset) in request.Positions.Select(p => (p.Account, p.Underlying)).Concat(request.Collateral.Select(c => (c.Account, c.Asset))))
        {
            if (!holders.TryGetValue(asset, out var set))
            {
                holders[asset] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(account);
        }

        await Task.WhenAll(holders.Select(h => grains.GetGrain<IUnderlyingHoldersGrain>(h.Key).AddMany([.. h.Value])));

        using var gate = new SemaphoreSlim(InFlight);
        var changes = await Task.WhenAll(accounts.Select(async margin =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                var result = new EndOfDayResult(request.RunId, request.Market.AsOf, [.. positions[margin.Account]], [.. collateral[margin.Account]], margin);
                return await WithRetriesAsync(() => grains.GetGrain<IAccountGrain>(margin.Account).AcceptEndOfDay(result), options, cancellation);
            }
            finally
            {
                gate.Release();
            }
        }));

        var events = changes.OfType<StatusChange>().Where(c => c.IsMarginEvent).ToArray();
        if (events.Length > 0)
        {
            await grains.GetGrain<IMarginEventLogGrain>(MarketDataKeys.Events).Append(events);
        }
    }

    /// <summary>
    /// A silo lost mid-delivery fails its calls until the cluster declares it dead: retried with the run's backoff,
    /// which outlasts failure detection. The account grain takes one run's result once, so a retry is harmless.
    /// </summary>
    private static async Task<T> WithRetriesAsync<T>(Func<Task<T>> call, MarginRunOptions options, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (attempt < options.MaxAttempts && error is not MarginRequestException && !cancellation.IsCancellationRequested)
            {
                await Task.Delay(options.RetryDelayAfter(attempt), cancellation);
            }
        }
    }
}
