namespace PortfolioMargin.Storage.Input;

/// <summary>What to do when an underlying has no row on a date.</summary>
public enum HistoryFill
{
    /// <summary>A missing row is an error naming the date and underlying.</summary>
    None,

    /// <summary>The underlying's previous close is carried forward (a holiday on its exchange, a stale quote).</summary>
    Previous,
}
