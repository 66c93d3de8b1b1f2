using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

[GenerateSerializer]
internal sealed class MarginEventLogState
{
    [Id(0)] public List<StatusChange> Events { get; set; } = [];
}

/// <summary>Every margin call and liquidation, in the order they were logged; the single writer of events.parquet.</summary>
internal sealed class MarginEventLogGrain(
    [PersistentState("events", StorageNames.Margin)] IPersistentState<MarginEventLogState> state,
    ClusterPaths paths) : Grain, IMarginEventLogGrain
{
    public async Task Append(StatusChange[] events)
    {
        // A log that was never written (an embedded silo's memory storage, a new cluster) continues the file an
        // earlier process left, rather than replacing it: each `pm intraday` adds to events.parquet.
        if (!state.RecordExists && state.State.Events.Count == 0)
        {
            state.State.Events.AddRange(await EventsFile.ReadAsync(paths.EventsFile));
        }

        state.State.Events.AddRange(events);
        await state.WriteStateAsync();
        await EventsFile.WriteAsync(paths.EventsFile, state.State.Events);
    }

    public Task<StatusChange[]> GetEvents() => Task.FromResult(state.State.Events.ToArray());
}
