using PortfolioMargin.Core.Margin;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Storage.Output;

/// <summary>The result tables of a run: accounts.parquet (one row per account) and positions.parquet (one per position).</summary>
public static class ResultFiles
{
    public const string Accounts = "accounts.parquet";
    public const string Positions = "positions.parquet";
    public const string RunRecord = "run.json";

    public static ParquetTable AccountTable(IReadOnlyList<AccountMargin> accounts) => new ParquetTable()
        .Add("account", accounts.Select(a => a.Account).ToArray())
        .Add("var", accounts.Select(a => a.ValueAtRisk).ToArray())
        .Add("es", accounts.Select(a => a.ExpectedShortfall).ToArray())
        .Add("es_std_error", accounts.Select(a => a.ExpectedShortfallStdError).ToArray())
        .Add("stress_loss", accounts.Select(a => a.StressLoss).ToArray())
        .Add("worst_price_move", accounts.Select(a => a.WorstPriceMove).ToArray())
        .Add("worst_vol_move", accounts.Select(a => a.WorstVolMove).ToArray())
        .Add("minimum_charge", accounts.Select(a => a.MinimumCharge).ToArray())
        .Add("initial_margin", accounts.Select(a => a.InitialMargin).ToArray())
        .Add("maintenance_margin", accounts.Select(a => a.MaintenanceMargin).ToArray())
        .Add("collateral_value", accounts.Select(a => a.CollateralValue).ToArray())
        .Add("net_liquidation_value", accounts.Select(a => a.NetLiquidationValue).ToArray())
        .Add("equity", accounts.Select(a => a.Equity).ToArray())
        .Add("excess", accounts.Select(a => a.Excess).ToArray())
        .Add("status", accounts.Select(a => a.Status.ToWire()).ToArray())
        .Add("delta", accounts.Select(a => a.Delta).ToArray())
        .Add("gamma", accounts.Select(a => a.Gamma).ToArray())
        .Add("vega", accounts.Select(a => a.Vega).ToArray())
        .Add("theta", accounts.Select(a => a.Theta).ToArray())
        .Add("worst_point_var", accounts.Select(a => a.WorstPointValueAtRisk).ToArray())
        .Add("worst_point_es", accounts.Select(a => a.WorstPointExpectedShortfall).ToArray());

    public static ParquetTable PositionTable(IReadOnlyList<PositionRisk> positions) => new ParquetTable()
        .Add("account", positions.Select(p => p.Position.Account).ToArray())
        .Add("line", positions.Select(p => p.Position.SourceLine).ToArray())
        .Add("type", positions.Select(p => p.Position.Type.ToString().ToLowerInvariant()).ToArray())
        .Add("underlying", positions.Select(p => p.Position.Underlying).ToArray())
        .Add("quantity", positions.Select(p => p.Position.Quantity).ToArray())
        .Add("multiplier", positions.Select(p => p.Position.Multiplier).ToArray())
        .Add("strike", positions.Select(p => p.Position.Strike).ToArray())
        .Add("expiry", positions.Select(p => p.Position.Expiry?.ToString("yyyy-MM-dd")).ToArray())
        .Add("right", positions.Select(p => p.Position.Right?.ToString().ToLowerInvariant()).ToArray())
        .Add("unit_value", positions.Select(p => p.UnitValue).ToArray())
        .Add("value", positions.Select(p => p.MarketValue).ToArray())
        .Add("delta", positions.Select(p => p.Delta).ToArray())
        .Add("gamma", positions.Select(p => p.Gamma).ToArray())
        .Add("vega", positions.Select(p => p.Vega).ToArray())
        .Add("theta", positions.Select(p => p.Theta).ToArray());
}
