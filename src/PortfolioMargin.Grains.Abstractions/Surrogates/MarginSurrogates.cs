using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Grains.Abstractions.Surrogates;

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.AccountMarginSurrogate")]
public struct AccountMarginSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public double ValueAtRisk;
    [Id(2)] public double ExpectedShortfall;
    [Id(3)] public double ExpectedShortfallStdError;
    [Id(4)] public double StressLoss;
    [Id(5)] public double WorstPriceMove;
    [Id(6)] public double WorstVolMove;
    [Id(7)] public double MinimumCharge;
    [Id(8)] public double InitialMargin;
    [Id(9)] public double MaintenanceMargin;
    [Id(10)] public double CollateralValue;
    [Id(11)] public double NetLiquidationValue;
    [Id(12)] public double Equity;
    [Id(13)] public double Excess;
    [Id(14)] public int Status;
    [Id(15)] public double Delta;
    [Id(16)] public double Gamma;
    [Id(17)] public double Vega;
    [Id(18)] public double Theta;
    [Id(19)] public double? WorstPointValueAtRisk;
    [Id(20)] public double? WorstPointExpectedShortfall;
    [Id(21)] public double? WorstPointExpectedShortfallStdError;
    [Id(22)] public double StrategyMargin;
}

[RegisterConverter]
public sealed class AccountMarginConverter : IConverter<AccountMargin, AccountMarginSurrogate>
{
    // The wire form stays flat, field for field as it was persisted before AccountMargin was composed of its
    // parts, so state already in storage reads back unchanged; equity (field 12) is written for older readers.
    public AccountMargin ConvertFromSurrogate(in AccountMarginSurrogate s) => new(
        s.Account,
        new TailRisk(s.ValueAtRisk, s.ExpectedShortfall, s.ExpectedShortfallStdError),
        s.WorstPointValueAtRisk is { } worstVar ? new TailRisk(worstVar, s.WorstPointExpectedShortfall ?? 0.0, s.WorstPointExpectedShortfallStdError ?? 0.0) : null,
        new StressOutcome(s.StressLoss, s.WorstPriceMove, s.WorstVolMove),
        new MarginRequirement(s.MinimumCharge, s.InitialMargin, s.MaintenanceMargin, s.Excess, Enum.IsDefined((AccountStatus)s.Status) ? (AccountStatus)s.Status : throw new InvalidOperationException($"account status {s.Status} is not one this build knows")),
        new AccountEquity(s.CollateralValue, s.NetLiquidationValue),
        new CurrencyGreeks(s.Delta, s.Gamma, s.Vega, s.Theta),
        s.StrategyMargin);

    public AccountMarginSurrogate ConvertToSurrogate(in AccountMargin a) => new()
    {
        Account = a.Account,
        ValueAtRisk = a.Horizon.ValueAtRisk,
        ExpectedShortfall = a.Horizon.ExpectedShortfall,
        ExpectedShortfallStdError = a.Horizon.ExpectedShortfallStdError,
        StressLoss = a.Stress.Loss,
        WorstPriceMove = a.Stress.PriceMoveRelative,
        WorstVolMove = a.Stress.VolMoveRelative,
        MinimumCharge = a.Requirement.MinimumCharge,
        InitialMargin = a.Requirement.InitialMargin,
        MaintenanceMargin = a.Requirement.MaintenanceMargin,
        CollateralValue = a.Equity.CollateralValue,
        NetLiquidationValue = a.Equity.NetLiquidationValue,
        Equity = a.Equity.Total,
        Excess = a.Requirement.Excess,
        Status = (int)a.Status,
        Delta = a.Greeks.DeltaCurrency,
        Gamma = a.Greeks.GammaCurrencyPerPercent,
        Vega = a.Greeks.VegaPerVolPoint,
        Theta = a.Greeks.ThetaPerDay,
        WorstPointValueAtRisk = a.WorstPoint?.ValueAtRisk,
        WorstPointExpectedShortfall = a.WorstPoint?.ExpectedShortfall,
        WorstPointExpectedShortfallStdError = a.WorstPoint?.ExpectedShortfallStdError,
        StrategyMargin = a.StrategyMargin,
    };
}

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.PositionRiskSurrogate")]
public struct PositionRiskSurrogate
{
    [Id(0)] public Position Position;
    [Id(1)] public double UnitValue;
    [Id(2)] public double MarketValue;
    [Id(3)] public double DeltaUnderlyingUnits;
    [Id(4)] public double GammaUnderlyingUnits;
    [Id(5)] public double VegaPerVolPoint;
    [Id(6)] public double ThetaPerDay;

    // The attribution, flat: HasAttribution false (as a message from before it existed reads) is a null one.
    [Id(7)] public bool HasAttribution;
    [Id(8)] public double EsContribution;
    [Id(9)] public double StressContribution;
    [Id(10)] public double IncrementalEs;
}

[RegisterConverter]
public sealed class PositionRiskConverter : IConverter<PositionRisk, PositionRiskSurrogate>
{
    public PositionRisk ConvertFromSurrogate(in PositionRiskSurrogate s) =>
        new(s.Position, s.UnitValue, s.MarketValue, s.DeltaUnderlyingUnits, s.GammaUnderlyingUnits, s.VegaPerVolPoint, s.ThetaPerDay,
            s.HasAttribution ? new PositionAttribution(s.EsContribution, s.StressContribution, s.IncrementalEs) : null);

    public PositionRiskSurrogate ConvertToSurrogate(in PositionRisk p) => new()
    {
        Position = p.Position,
        UnitValue = p.UnitValue,
        MarketValue = p.MarketValue,
        DeltaUnderlyingUnits = p.DeltaUnderlyingUnits,
        GammaUnderlyingUnits = p.GammaUnderlyingUnits,
        VegaPerVolPoint = p.VegaPerVolPoint,
        ThetaPerDay = p.ThetaPerDay,
        HasAttribution = p.Attribution.HasValue,
        EsContribution = p.Attribution?.EsContribution ?? 0.0,
        StressContribution = p.Attribution?.StressContribution ?? 0.0,
        IncrementalEs = p.Attribution?.IncrementalEs ?? 0.0,
    };
}

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.StrategyRowSurrogate")]
public struct StrategyRowSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public string Underlying;
    [Id(2)] public string Strategy;
    [Id(3)] public string Legs;
    [Id(4)] public double Multiplicity;
    [Id(5)] public double Requirement;
    [Id(6)] public bool ProvenOptimal;
}

[RegisterConverter]
public sealed class StrategyRowConverter : IConverter<StrategyRow, StrategyRowSurrogate>
{
    public StrategyRow ConvertFromSurrogate(in StrategyRowSurrogate s) =>
        new(s.Account, s.Underlying, s.Strategy, s.Legs, s.Multiplicity, s.Requirement, s.ProvenOptimal);

    public StrategyRowSurrogate ConvertToSurrogate(in StrategyRow r) => new()
    {
        Account = r.Account,
        Underlying = r.Underlying,
        Strategy = r.Strategy,
        Legs = r.Legs,
        Multiplicity = r.Multiplicity,
        Requirement = r.Requirement,
        ProvenOptimal = r.ProvenOptimal,
    };
}

/// <summary>A report's account detail: the stress grid as three columns rather than a list of cells.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.AccountDetailSurrogate")]
public struct AccountDetailSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public double LossLowest;
    [Id(2)] public double BinWidth;
    [Id(3)] public int[] PathCounts;
    [Id(4)] public double[] StressPriceMove;
    [Id(5)] public double[] StressVolMove;
    [Id(6)] public double[] StressLoss;
}

[RegisterConverter]
public sealed class AccountDetailConverter : IConverter<AccountDetail, AccountDetailSurrogate>
{
    public AccountDetail ConvertFromSurrogate(in AccountDetailSurrogate s)
    {
        var cells = new StressCell[s.StressLoss.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = new StressCell(s.StressPriceMove[i], s.StressVolMove[i], s.StressLoss[i]);
        }

        return new AccountDetail(s.Account, s.LossLowest, s.BinWidth, s.PathCounts, cells);
    }

    public AccountDetailSurrogate ConvertToSurrogate(in AccountDetail d) => new()
    {
        Account = d.Account,
        LossLowest = d.LossLowest,
        BinWidth = d.BinWidth,
        PathCounts = d.PathCounts,
        StressPriceMove = [.. d.Stress.Select(c => c.PriceMoveRelative)],
        StressVolMove = [.. d.Stress.Select(c => c.VolMoveRelative)],
        StressLoss = [.. d.Stress.Select(c => c.Loss)],
    };
}
