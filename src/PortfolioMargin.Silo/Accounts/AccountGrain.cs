using Orleans.Placement;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Accounts;

/// <summary>
/// One account. Its book is whatever the last end-of-day run or update gave it; pricing goes to the risk worker
/// on this silo; a status that moves to margin-call or liquidation outside a market move (a recompute, an
/// end-of-day run) is logged here, inside one it is returned to the market data grain, which logs all of a move's
/// events in one write.
/// Random placement spreads a book evenly over the silos (the default prefers the caller's silo, which would put
/// every account of a run next to the run grain).
/// </summary>
[RandomPlacement]
internal sealed class AccountGrain(
    [PersistentState("account", StorageNames.Margin)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    private string Account => this.GetPrimaryKeyString();

    private AccountState Book => state.State;

    public Task<AccountView> GetAccount()
    {
        RequireKnown();
        return Task.FromResult(new AccountView(Account, Book.Positions, Book.Collateral, Book.Latest, Book.Recomputations, Book.LastTrigger));
    }

    public Task<AccountMargin> GetMargin()
    {
        RequireKnown();
        return Task.FromResult(Book.Latest
            ?? throw new MarginRequestException($"account '{Account}' has no margin yet: run end-of-day or recompute it"));
    }

    public async Task UpdatePositions(Position[] positions)
    {
        var market = await MarketData.GetSnapshot();
        BookValidation.CheckPositions(Account, positions ?? throw new MarginRequestException("positions: missing"), market?.Snapshot);
        Book.Positions = positions;
        await SaveAndSubscribeAsync();
    }

    public async Task UpdateCollateral(CollateralHolding[] collateral)
    {
        var market = await MarketData.GetSnapshot();
        BookValidation.CheckCollateral(Account, collateral ?? throw new MarginRequestException("collateral: missing"), market?.Snapshot);
        Book.Collateral = collateral;
        await SaveAndSubscribeAsync();
    }

    public async Task<AccountMargin> Recompute()
    {
        RequireKnown();
        var market = await MarketData.GetSnapshot()
            ?? throw new MarginRequestException("there is no market snapshot yet: run end-of-day first");

        // The market may have changed since the book was accepted: an underlying dropped, an option expired.
        BookValidation.CheckPositions(Account, Book.Positions, market.Snapshot);
        BookValidation.CheckCollateral(Account, Book.Collateral, market.Snapshot);
        var (result, change) = await PriceAsync(market, "recompute", DateTimeOffset.UtcNow);
        if (change is { IsMarginEvent: true })
        {
            await GrainFactory.GetGrain<IMarginEventLogGrain>(MarketDataKeys.Events).Append([change]);
        }

        return result.Margin;
    }

    /// <summary>The old status of an account's first event: it had no margin before this run.</summary>
    public const string NoEarlierStatus = "none";

    public async Task<StatusChange?> AcceptEndOfDay(EndOfDayResult result)
    {
        var trigger = $"end-of-day:{result.RunId}";
        if (Book.LastTrigger == trigger)
        {
            // A delivery retried after its answer was lost: this run is already here.
            return null;
        }

        var previous = Book.Latest;
        Book.Positions = result.Positions;
        Book.Collateral = result.Collateral;
        Book.Latest = result.Margin;
        Book.Recomputations++;
        Book.LastTrigger = trigger;

        // The run registered this book's holdings with their underlyings in bulk; only those it no longer holds go.
        var holdings = BookValidation.Holdings(Book.Positions, Book.Collateral);
        var dropped = Book.Subscriptions.Except(holdings, StringComparer.Ordinal).ToArray();
        Book.Subscriptions = holdings;
        await SaveAsync();
        await Task.WhenAll(dropped.Select(u => GrainFactory.GetGrain<IUnderlyingHoldersGrain>(u).Remove(Account)));

        // An end-of-day run that finds the account worse off than its last result is a margin call like any other;
        // the first run an account is in logs it as coming from "none", so a call found on day one is logged too.
        var margin = result.Margin;
        var before = previous?.Status.ToWire() ?? NoEarlierStatus;
        return before != margin.Status.ToWire() && (previous is not null || margin.Status != Core.Margin.AccountStatus.Healthy)
            ? new StatusChange(Account, result.AsOf, before, margin.Status.ToWire(), margin.Equity.Total, margin.Requirement.InitialMargin, margin.Requirement.MaintenanceMargin, trigger)
            : null;
    }

    public async Task<StatusChange?> OnMarketMove(MarketMoveNotice notice)
    {
        if (!Book.HoldsAnything)
        {
            return null;
        }

        var (_, change) = await PriceAsync(notice.Scenario, $"market-update:{notice.Update.Id}", notice.Update.AsOf);
        return change;
    }

    private async Task<(AccountResult Result, StatusChange? Change)> PriceAsync(MarketState scenario, string trigger, DateTimeOffset time)
    {
        var job = new MarginJob(scenario.Key, scenario, Account, Book.Positions, Book.Collateral);
        var result = await GrainFactory.GetGrain<IRiskWorkerGrain>(0).Compute(job);
        var previous = Book.Latest;
        Book.Latest = result.Margin;
        Book.Recomputations++;
        Book.LastTrigger = trigger;
        await SaveAsync();

        var margin = result.Margin;
        var change = previous is not null && previous.Status != margin.Status
            ? new StatusChange(Account, time, previous.Status.ToWire(), margin.Status.ToWire(), margin.Equity.Total, margin.Requirement.InitialMargin, margin.Requirement.MaintenanceMargin, trigger)
            : null;
        return (result, change);
    }

    private async Task SaveAndSubscribeAsync()
    {
        await SaveAsync();
        await SubscribeAsync();
    }

    /// <summary>Registers with the underlyings the book now holds and leaves those it no longer holds.</summary>
    private async Task SubscribeAsync()
    {
        var holdings = BookValidation.Holdings(Book.Positions, Book.Collateral);
        if (holdings.SequenceEqual(Book.Subscriptions, StringComparer.Ordinal))
        {
            return;
        }

        var added = holdings.Except(Book.Subscriptions, StringComparer.Ordinal);
        var removed = Book.Subscriptions.Except(holdings, StringComparer.Ordinal);
        await Task.WhenAll(
            added.Select(u => GrainFactory.GetGrain<IUnderlyingHoldersGrain>(u).Add(Account))
                .Concat(removed.Select(u => GrainFactory.GetGrain<IUnderlyingHoldersGrain>(u).Remove(Account))));
        Book.Subscriptions = holdings;
        await SaveAsync();
    }

    private Task SaveAsync() => StepAsideOnConflict.WriteStateAsync(state, DeactivateOnIdle);

    private IMarketDataGrain MarketData => GrainFactory.GetGrain<IMarketDataGrain>(MarketDataKeys.Current);

    private void RequireKnown()
    {
        if (!Book.HoldsAnything)
        {
            throw new MarginRequestException($"unknown account '{Account}': it holds no positions and no collateral");
        }
    }
}
