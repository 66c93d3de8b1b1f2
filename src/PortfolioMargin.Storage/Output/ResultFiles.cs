using System.Globalization;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Storage.Output;

/// <summary>The result tables of a run: accounts.parquet (one row per account) and positions.parquet (one per position).</summary>
public static class ResultFiles
{
    public const string Accounts = "accounts.parquet";
    public const string Positions = "positions.parquet";
    public const string RunRecord = "run.json";

    public static ParquetRowTable<AccountMargin> AccountTable(IReadOnlyList<AccountMargin> accounts) => new ParquetRowTable<AccountMargin>(accounts)
        .Add("account", a => a.Account)
        .Add("var", a => a.ValueAtRisk)
        .Add("es", a => a.ExpectedShortfall)
        .Add("es_std_error", a => a.ExpectedShortfallStdError)
        .Add("stress_loss", a => a.StressLoss)
        .Add("worst_price_move", a => a.WorstPriceMove)
        .Add("worst_vol_move", a => a.WorstVolMove)
        .Add("minimum_charge", a => a.MinimumCharge)
        .Add("initial_margin", a => a.InitialMargin)
        .Add("maintenance_margin", a => a.MaintenanceMargin)
        .Add("collateral_value", a => a.CollateralValue)
        .Add("net_liquidation_value", a => a.NetLiquidationValue)
        .Add("equity", a => a.Equity)
        .Add("excess", a => a.Excess)
        .Add("status", a => a.Status.ToWire())
        .Add("delta", a => a.Delta)
        .Add("gamma", a => a.Gamma)
        .Add("vega", a => a.Vega)
        .Add("theta", a => a.Theta)
        .Add("worst_point_var", a => a.WorstPointValueAtRisk)
        .Add("worst_point_es", a => a.WorstPointExpectedShortfall);

    public static ParquetRowTable<PositionRisk> PositionTable(IReadOnlyList<PositionRisk> positions)
    {
        // A book has a few dozen expiries: format each once, not once per position.
        var expiries = new Dictionary<DateOnly, string>();
        string? Expiry(DateOnly? expiry) =>
            expiry is not { } date ? null
            : expiries.TryGetValue(date, out var text) ? text
            : expiries[date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        return new ParquetRowTable<PositionRisk>(positions)
            .Add("account", p => p.Position.Account)
            .Add("line", p => p.Position.SourceLine)
            .Add("type", p => TypeName(p.Position.Type))
            .Add("underlying", p => p.Position.Underlying)
            .Add("quantity", p => p.Position.Quantity)
            .Add("multiplier", p => p.Position.Multiplier)
            .Add("strike", p => p.Position.Strike)
            .Add("expiry", p => Expiry(p.Position.Expiry))
            .Add("right", p => RightName(p.Position.Right))
            .Add("unit_value", p => p.UnitValue)
            .Add("value", p => p.MarketValue)
            .Add("delta", p => p.Delta)
            .Add("gamma", p => p.Gamma)
            .Add("vega", p => p.Vega)
            .Add("theta", p => p.Theta);
    }

    private static string TypeName(InstrumentType type) => type switch
    {
        InstrumentType.Spot => "spot",
        InstrumentType.Future => "future",
        InstrumentType.Option => "option",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string? RightName(OptionRight? right) => right switch
    {
        null => null,
        OptionRight.Call => "call",
        OptionRight.Put => "put",
        _ => right.Value.ToString().ToLowerInvariant(),
    };
}
