namespace PortfolioMargin.Core.Strategy;

/// <summary>The stable names strategies are reported under (the strategy_type column of a strategies file).</summary>
public static class StrategyTypeNames
{
    public const string LongStock = "long_stock";
    public const string ShortStock = "short_stock";
    public const string LongFuture = "long_future";
    public const string ShortFuture = "short_future";
    public const string LongCall = "long_call";
    public const string LongPut = "long_put";
    public const string NakedShortCall = "naked_short_call";
    public const string NakedShortPut = "naked_short_put";
    public const string CoveredCall = "covered_call";
    public const string ProtectivePut = "protective_put";
    public const string Collar = "collar";
    public const string DebitVertical = "debit_vertical";
    public const string CreditVertical = "credit_vertical";
    public const string LongCalendar = "long_calendar";
    public const string DebitDiagonal = "debit_diagonal";
    public const string CreditDiagonal = "credit_diagonal";
    public const string ShortStraddle = "short_straddle";
    public const string ShortStrangle = "short_strangle";
    public const string IronCondor = "iron_condor";
    public const string IronButterfly = "iron_butterfly";
    public const string LongButterfly = "long_butterfly";
    public const string ShortButterfly = "short_butterfly";
}
