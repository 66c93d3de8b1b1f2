using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

/// <summary>
/// The current market. An intraday move goes only to the accounts registered with a moved underlying (see
/// <see cref="UnderlyingHoldersGrain"/>); each recomputes against the moved snapshot, and the margin calls and
/// liquidations it causes are logged together. Moves are applied one at a time, in arrival order.
/// </summary>
internal sealed class MarketDataGrain(
    [PersistentState("market", StorageNames.Margin)] IPersistentState<MarketDataState> state,
    ClusterPaths paths) : Grain, IMarketDataGrain
{
    public Task<MarketState?> GetSnapshot() => Task.FromResult(state.State.Current);

    public async Task<MarketState> Publish(MarketState scenario)
    {
        state.State.Version++;
        state.State.Current = scenario with { Version = state.State.Version };
        await state.WriteStateAsync();
        return state.State.Current;
    }

    public async Task<IntradayOutcome> ApplyUpdate(MarketUpdate update)
    {
        var current = state.State.Current
            ?? throw new MarginRequestException("there is no market snapshot yet: run end-of-day first");

        // An update is applied once. The same id with the same moves again (a client retrying, a file sent twice)
        // changes nothing and says so; the same id with other moves is an error, never a silent second move.
        if (update is null || string.IsNullOrWhiteSpace(update.Id) || update.Moves is null)
        {
            throw new MarginRequestException("market update: field 'id': is empty");
        }

        var content = AppliedUpdate.ContentOf(update);
        if (state.State.Applied.TryGetValue(update.Id, out var applied))
        {
            return applied.Content == content
                ? new IntradayOutcome(update.Id, applied.MarketVersion, [], [], Path.GetFullPath(paths.EventsFile), AlreadyApplied: true)
                : throw new MarginRequestException($"market update '{update.Id}'", "id", "was already applied with other moves; give this update an id of its own");
        }

        if (update.AsOf < current.Snapshot.AsOf)
        {
            throw new MarginRequestException(
                $"market update '{update.Id}'", "asOf",
                $"{update.AsOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is before the market snapshot's {current.Snapshot.AsOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        }

        var snapshot = MarketMoves.Apply(current.Snapshot, update);
        var holders = await Task.WhenAll(update.Moves.Select(m => GrainFactory.GetGrain<IUnderlyingHoldersGrain>(m.Underlying).GetAccounts()));
        var accounts = holders.SelectMany(a => a).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var version = state.State.Version + 1;
        var next = current with
        {
            Key = $"market:{version}:{Guid.NewGuid():N}",
            Version = version,
            Snapshot = snapshot,
            Source = $"market-update:{update.Id}",
        };
        state.State.Version = version;
        state.State.Current = next;
        state.State.Applied[update.Id] = new AppliedUpdate(content, version);
        await state.WriteStateAsync();

        var notice = new MarketMoveNotice(next, update);
        var changes = await Task.WhenAll(accounts.Select(a => GrainFactory.GetGrain<IAccountGrain>(a).OnMarketMove(notice)));
        var statusChanges = changes.OfType<StatusChange>().ToArray();
        var events = statusChanges.Where(c => c.IsMarginEvent).ToArray();
        if (events.Length > 0)
        {
            await GrainFactory.GetGrain<IMarginEventLogGrain>(MarketDataKeys.Events).Append(events);
        }

        return new IntradayOutcome(update.Id, version, accounts, statusChanges, Path.GetFullPath(paths.EventsFile));
    }
}
