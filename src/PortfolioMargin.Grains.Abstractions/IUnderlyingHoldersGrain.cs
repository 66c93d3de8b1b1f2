using Orleans.Concurrency;

namespace PortfolioMargin.Grains.Abstractions;

/// <summary>The accounts holding one underlying (key: its id) in positions or collateral: who a move reaches.</summary>
[Alias("PortfolioMargin.Grains.IUnderlyingHoldersGrain")]
public interface IUnderlyingHoldersGrain : IGrainWithStringKey
{
    Task Add(string account);

    /// <summary>Registers many holders in one write (an end-of-day run's whole book).</summary>
    Task AddMany(string[] accounts);

    Task Remove(string account);

    [AlwaysInterleave]
    Task<string[]> GetAccounts();
}
