using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Engine;

/// <summary>
/// The last check before results leave the engine: a NaN or an infinity never becomes a margin. Inputs inside the
/// plausibility bounds cannot produce one; this is the guard for whatever those bounds did not foresee, so that a
/// broken number stops the run (nothing is written) instead of putting an account into liquidation.
/// </summary>
internal static class ResultGuard
{
    public static void Check(MarketSnapshot market, IReadOnlyList<AccountMargin> accounts, IReadOnlyList<PositionRisk> positions)
    {
        foreach (var p in positions)
        {
            if (FirstNonFinite(("unitValue", p.UnitValue), ("marketValue", p.MarketValue), ("delta", p.DeltaUnderlyingUnits), ("gamma", p.GammaUnderlyingUnits), ("vega", p.VegaPerVolPoint), ("theta", p.ThetaPerDay)) is { } bad)
            {
                throw new NonFiniteResultException(p.Position.Account,
                    $"the position on line {p.Position.SourceLine} ({Describe(market, p.Position)}) has {bad.Field} = {bad.Value}");
            }
        }

        foreach (var a in accounts)
        {
            if (FirstNonFinite(
                    ("valueAtRisk", a.Horizon.ValueAtRisk), ("expectedShortfall", a.Horizon.ExpectedShortfall), ("expectedShortfallStdError", a.Horizon.ExpectedShortfallStdError),
                    ("stressLoss", a.Stress.Loss), ("minimumCharge", a.Requirement.MinimumCharge), ("initialMargin", a.Requirement.InitialMargin),
                    ("maintenanceMargin", a.Requirement.MaintenanceMargin), ("collateralValue", a.Equity.CollateralValue), ("netLiquidationValue", a.Equity.NetLiquidationValue),
                    ("equity", a.Equity.Total), ("excess", a.Requirement.Excess), ("delta", a.Greeks.DeltaCurrency), ("gamma", a.Greeks.GammaCurrencyPerPercent), ("vega", a.Greeks.VegaPerVolPoint), ("theta", a.Greeks.ThetaPerDay),
                    ("strategyMargin", a.StrategyMargin), ("worstPointValueAtRisk", a.WorstPoint?.ValueAtRisk ?? 0.0), ("worstPointExpectedShortfall", a.WorstPoint?.ExpectedShortfall ?? 0.0)) is { } bad)
            {
                throw new NonFiniteResultException(a.Account, $"{bad.Field} = {bad.Value}");
            }
        }

        // After the accounts: a broken account ES is reported as such, not as its positions' shares of it.
        foreach (var p in positions)
        {
            if (p.Attribution is { } share
                && FirstNonFinite(("esContribution", share.EsContribution), ("stressContribution", share.StressContribution), ("incrementalEs", share.IncrementalEs)) is { } bad)
            {
                throw new NonFiniteResultException(p.Position.Account,
                    $"the position on line {p.Position.SourceLine} ({Describe(market, p.Position)}) has {bad.Field} = {bad.Value}");
            }
        }
    }

    private static (string Field, double Value)? FirstNonFinite(params ReadOnlySpan<(string Field, double Value)> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v.Value))
            {
                return v;
            }
        }

        return null;
    }

    private static string Describe(MarketSnapshot market, Position p)
    {
        var spot = market.Underlyings.FirstOrDefault(u => u.Id == p.Underlying)?.Spot ?? double.NaN;
        return $"{p.Type.ToString().ToLowerInvariant()} on {p.Underlying}, quantity {p.Quantity} × multiplier {p.Multiplier} at spot {spot}";
    }
}

/// <summary>
/// A result that is not a finite number: the inputs went outside what double precision carries. Bad input (exit 2);
/// the message names the account and the number.
/// </summary>
public sealed class NonFiniteResultException(string account, string problem)
    : Exception($"account '{account}': {problem}: not a finite number, so no margin can be set from it; check this account's positions and collateral and the market data of their underlyings")
{
    public string Account { get; } = account;
}
