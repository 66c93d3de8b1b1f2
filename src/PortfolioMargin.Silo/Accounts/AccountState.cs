using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Silo.Accounts;

[GenerateSerializer]
internal sealed class AccountState
{
    [Id(0)] public Position[] Positions { get; set; } = [];

    [Id(1)] public CollateralHolding[] Collateral { get; set; } = [];

    [Id(2)] public AccountMargin? Latest { get; set; }

    [Id(3)] public int Recomputations { get; set; }

    [Id(4)] public string? LastTrigger { get; set; }

    /// <summary>The underlyings this account is registered with, so a move of any of them reaches it.</summary>
    [Id(5)] public string[] Subscriptions { get; set; } = [];

    public bool HoldsAnything => Positions.Length > 0 || Collateral.Length > 0;
}
