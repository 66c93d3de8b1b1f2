using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Runs;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>
/// Which accounts get a section of their own: the <c>top</c> largest initial margins, then every account in
/// liquidation not among them, up to <see cref="MaxLiquidationSections"/> (largest requirement first), so that a
/// book with a thousand liquidations still gives a report one can open; the rest are counted, and listed in the book.
/// `pm run --report` records the loss histograms and stress grids of these same accounts.
/// </summary>
public static class ReportAccounts
{
    public const int DefaultTop = 10;

    public const int MaxLiquidationSections = 50;

    public sealed record Choice(IReadOnlyList<string> Top, IReadOnlyList<string> Liquidations, int LiquidationsOmitted)
    {
        public IEnumerable<string> All => Top.Concat(Liquidations);
    }

    public static Choice Choose(IReadOnlyList<(string Account, double InitialMargin, bool Liquidation)> accounts, int top)
    {
        // Largest requirement first; ties by account id, so the choice never depends on file order.
        var ranked = accounts.OrderByDescending(a => a.InitialMargin).ThenBy(a => a.Account, StringComparer.Ordinal).ToList();
        var chosen = ranked.Take(Math.Max(0, top)).Select(a => a.Account).ToList();
        var inTop = chosen.ToHashSet(StringComparer.Ordinal);
        var liquidations = ranked.Where(a => a.Liquidation && !inTop.Contains(a.Account)).Select(a => a.Account).ToList();
        var shown = liquidations.Take(MaxLiquidationSections).ToList();
        return new Choice(chosen, shown, liquidations.Count - shown.Count);
    }

    /// <summary>
    /// The recorded detail (loss histogram, stress grid) of the accounts <see cref="Choose"/> gives a section with
    /// the default top, in that order: what report-detail.parquet holds. A shard of a cluster run keeps the detail
    /// of its own choice, and the run takes its choice over the shards' union; that is exact, because an account
    /// the whole book's choice shows is shown by its own shard's: every account above it in its shard is above it
    /// in the book, so it is in the shard's top whenever it is in the book's, and no more liquidations outside the
    /// shard's top rank above it than outside the book's.
    /// </summary>
    public static IReadOnlyList<AccountDetail> Detailed(IEnumerable<AccountMargin> accounts, IReadOnlyDictionary<string, AccountDetail> details)
    {
        var choice = Choose([.. accounts.Select(a => (a.Account, a.Requirement.InitialMargin, a.Status == AccountStatus.Liquidation))], DefaultTop);
        return [.. choice.All.Select(account => details.TryGetValue(account, out var detail)
            ? detail
            : throw new InvalidOperationException($"account {account} is in the report but its detail was not recorded"))];
    }
}
