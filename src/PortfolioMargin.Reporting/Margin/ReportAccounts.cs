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
}
