using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Engine;

namespace PortfolioMargin.Grains.Surrogates;

[GenerateSerializer]
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
}

[RegisterConverter]
public sealed class AccountMarginConverter : IConverter<AccountMargin, AccountMarginSurrogate>
{
    public AccountMargin ConvertFromSurrogate(in AccountMarginSurrogate s) => new(
        s.Account, s.ValueAtRisk, s.ExpectedShortfall, s.ExpectedShortfallStdError, s.StressLoss, s.WorstPriceMove,
        s.WorstVolMove, s.MinimumCharge, s.InitialMargin, s.MaintenanceMargin, s.CollateralValue, s.NetLiquidationValue,
        s.Equity, s.Excess, (AccountStatus)s.Status, s.Delta, s.Gamma, s.Vega, s.Theta,
        s.WorstPointValueAtRisk, s.WorstPointExpectedShortfall);

    public AccountMarginSurrogate ConvertToSurrogate(in AccountMargin a) => new()
    {
        Account = a.Account,
        ValueAtRisk = a.ValueAtRisk,
        ExpectedShortfall = a.ExpectedShortfall,
        ExpectedShortfallStdError = a.ExpectedShortfallStdError,
        StressLoss = a.StressLoss,
        WorstPriceMove = a.WorstPriceMove,
        WorstVolMove = a.WorstVolMove,
        MinimumCharge = a.MinimumCharge,
        InitialMargin = a.InitialMargin,
        MaintenanceMargin = a.MaintenanceMargin,
        CollateralValue = a.CollateralValue,
        NetLiquidationValue = a.NetLiquidationValue,
        Equity = a.Equity,
        Excess = a.Excess,
        Status = (int)a.Status,
        Delta = a.Delta,
        Gamma = a.Gamma,
        Vega = a.Vega,
        Theta = a.Theta,
        WorstPointValueAtRisk = a.WorstPointValueAtRisk,
        WorstPointExpectedShortfall = a.WorstPointExpectedShortfall,
    };
}

[GenerateSerializer]
public struct PositionRiskSurrogate
{
    [Id(0)] public Position Position;
    [Id(1)] public double UnitValue;
    [Id(2)] public double MarketValue;
    [Id(3)] public double Delta;
    [Id(4)] public double Gamma;
    [Id(5)] public double Vega;
    [Id(6)] public double Theta;
}

[RegisterConverter]
public sealed class PositionRiskConverter : IConverter<PositionRisk, PositionRiskSurrogate>
{
    public PositionRisk ConvertFromSurrogate(in PositionRiskSurrogate s) =>
        new(s.Position, s.UnitValue, s.MarketValue, s.Delta, s.Gamma, s.Vega, s.Theta);

    public PositionRiskSurrogate ConvertToSurrogate(in PositionRisk p) => new()
    {
        Position = p.Position,
        UnitValue = p.UnitValue,
        MarketValue = p.MarketValue,
        Delta = p.Delta,
        Gamma = p.Gamma,
        Vega = p.Vega,
        Theta = p.Theta,
    };
}
