using Orleans.Concurrency;

namespace PortfolioMargin.Grains;

/// <summary>The accounts holding one underlying (key: its id) in positions or collateral: who a move reaches.</summary>
public interface IUnderlyingHoldersGrain : IGrainWithStringKey
{
    Task Add(string account);

    Task Remove(string account);

    [AlwaysInterleave]
    Task<string[]> GetAccounts();
}
