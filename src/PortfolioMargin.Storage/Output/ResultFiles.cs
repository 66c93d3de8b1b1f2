using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// The result tables of a run: accounts.parquet (one row per account), positions.parquet (one per position) and
/// strategies.parquet (one per strategy the strategy-based pairing formed).
/// </summary>
public static class ResultFiles
{
    public const string Accounts = "accounts.parquet";
    public const string Positions = "positions.parquet";
    public const string Strategies = "strategies.parquet";
    public const string RunRecord = "run.json";

    /// <summary>Written with `pm run --report` only: the report's accounts' loss histograms and stress grids (<see cref="ReportDetailFile"/>).</summary>
    public const string ReportDetail = "report-detail.parquet";

    /// <summary>Written with `pm run --report` only, last: the HTML report of the run.</summary>
    public const string Report = "report.html";

    /// <summary>The margin events of an intraday run (written by the event log, not by `pm run`).</summary>
    public const string Events = "events.parquet";

    public static ParquetRowTable<AccountMargin> AccountTable(IReadOnlyList<AccountMargin> accounts) => new ParquetRowTable<AccountMargin>(accounts)
        .Add("account", a => a.Account)
        .Add("var", a => a.Horizon.ValueAtRisk)
        .Add("es", a => a.Horizon.ExpectedShortfall)
        .Add("es_std_error", a => a.Horizon.ExpectedShortfallStdError)
        .Add("stress_loss", a => a.Stress.Loss)
        .Add("worst_price_move", a => a.Stress.PriceMoveRelative)
        .Add("worst_vol_move", a => a.Stress.VolMoveRelative)
        .Add("minimum_charge", a => a.Requirement.MinimumCharge)
        .Add("initial_margin", a => a.Requirement.InitialMargin)
        .Add("maintenance_margin", a => a.Requirement.MaintenanceMargin)
        .Add("collateral_value", a => a.Equity.CollateralValue)
        .Add("net_liquidation_value", a => a.Equity.NetLiquidationValue)
        .Add("equity", a => a.Equity.Total)
        .Add("excess", a => a.Requirement.Excess)
        .Add("status", a => a.Status.ToWire(), dictionary: true)
        .Add("delta", a => a.Greeks.DeltaCurrency)
        .Add("gamma", a => a.Greeks.GammaCurrencyPerPercent)
        .Add("vega", a => a.Greeks.VegaPerVolPoint)
        .Add("theta", a => a.Greeks.ThetaPerDay)
        .Add("worst_point_var", a => a.WorstPoint?.ValueAtRisk)
        .Add("worst_point_es", a => a.WorstPoint?.ExpectedShortfall)
        .Add("strategy_margin", a => a.StrategyMargin)
        .Add("capital_saving", a => a.CapitalSaving);

    public static ParquetRowTable<Core.Strategy.StrategyRow> StrategyTable(IReadOnlyList<Core.Strategy.StrategyRow> strategies) =>
        new ParquetRowTable<Core.Strategy.StrategyRow>(strategies)
            .Add("account", s => s.Account)
            .Add("underlying", s => s.Underlying)
            .Add("strategy", s => s.Strategy, dictionary: true)
            .Add("legs", s => s.Legs)
            .Add("multiplicity", s => s.Multiplicity)
            .Add("requirement", s => s.Requirement)
            .Add("proven_optimal", s => s.ProvenOptimal);

    /// <summary>
    /// The positions with the spot and ATM vol of their underlying in <paramref name="market"/>, the snapshot the run
    /// valued them on, so a reader can turn the unit Greeks into currency ones without the market file.
    /// </summary>
    public static ParquetRowTable<PositionRisk> PositionTable(IReadOnlyList<PositionRisk> positions, MarketSnapshot market)
    {
        // One text lookup per row and column: 2 M rows took 0.3 s for both columns beside a 2.5-3 s write (shared
        // 2-core machine); looking ids up by reference (the readers pool them) saved only a quarter of that.
        var underlyings = market.Underlyings.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Underlying UnderlyingOf(PositionRisk p) => underlyings[p.Position.Underlying];

        return new ParquetRowTable<PositionRisk>(positions)
            .Add("account", p => p.Position.Account)
            .Add("line", p => p.Position.SourceLine)
            .Add("type", p => TypeName(p.Position.Type), dictionary: true)
            .Add("underlying", p => p.Position.Underlying)
            .Add("quantity", p => p.Position.Quantity)
            .Add("multiplier", p => p.Position.Multiplier)
            .Add("strike", p => p.Position.Strike)
            .Add("expiry", p => p.Position.Expiry)
            .AddOptional("right", p => RightName(p.Position.Right), dictionary: true)
            .Add("spot", p => UnderlyingOf(p).Spot)
            .Add("atm_vol", p => UnderlyingOf(p).AtmVol)
            .Add("unit_value", p => p.UnitValue)
            .Add("value", p => p.MarketValue)
            .Add("delta", p => p.DeltaUnderlyingUnits)
            .Add("gamma", p => p.GammaUnderlyingUnits)
            .Add("vega", p => p.VegaPerVolPoint)
            .Add("theta", p => p.ThetaPerDay)
            .Add("es_contribution", p => p.Attribution?.EsContribution)
            .Add("stress_contribution", p => p.Attribution?.StressContribution)
            .Add("incremental_es", p => p.Attribution?.IncrementalEs);
    }

    /// <summary>The `type` column's name of an instrument type (`pm run --json` uses the same).</summary>
    public static string TypeName(InstrumentType type) => type switch
    {
        InstrumentType.Spot => "spot",
        InstrumentType.Future => "future",
        InstrumentType.Option => "option",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The `right` column's name of an option right; null unless an option.</summary>
    public static string? RightName(OptionRight? right) => right switch
    {
        null => null,
        OptionRight.Call => "call",
        OptionRight.Put => "put",
        _ => right.Value.ToString().ToLowerInvariant(),
    };
}
