using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

[GenerateSerializer]
internal sealed class UnderlyingHoldersState
{
    [Id(0)] public HashSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The accounts that hold one underlying: a move of it reaches these and no others.</summary>
internal sealed class UnderlyingHoldersGrain(
    [PersistentState("holders", StorageNames.Margin)] IPersistentState<UnderlyingHoldersState> state) : Grain, IUnderlyingHoldersGrain
{
    public async Task Add(string account)
    {
        if (state.State.Accounts.Add(account))
        {
            await SaveAsync();
        }
    }

    public async Task AddMany(string[] accounts)
    {
        var before = state.State.Accounts.Count;
        state.State.Accounts.UnionWith(accounts);
        if (state.State.Accounts.Count != before)
        {
            await SaveAsync();
        }
    }

    public async Task Remove(string account)
    {
        if (state.State.Accounts.Remove(account))
        {
            await SaveAsync();
        }
    }

    private Task SaveAsync() => StepAsideOnConflict.WriteStateAsync(state, DeactivateOnIdle);

    public Task<string[]> GetAccounts() => Task.FromResult(state.State.Accounts.ToArray());
}
