using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Backtest;

/// <summary>
/// What a backtest replays and how. <see cref="HorizonRows"/> counts rows (business days) of the history: each
/// model's scenarios move the market over that many business days (variance h/252 of a year), and the engine
/// revalues at the calendar days from the date to the row h later, so time decay and carry are the calendar's,
/// exactly as the realized loss sees them. The config gives
/// the innovations, the stress grid and minimum charge (used only with <see cref="Floors"/>) and the seed.
/// </summary>
public sealed record BacktestSettings
{
    /// <summary>Each a model with the anti-procyclicality tools it carries (none by default); a model may appear with and without.</summary>
    public IReadOnlyList<MarginModelSpec> Models { get; init; } = [MarginModel.Implied, MarginModel.Ewma, MarginModel.Fhs];

    /// <summary>The parameters of the tools the models carry.</summary>
    public AntiProcyclicality AntiProcyclicality { get; init; } = new();

    public double Confidence { get; init; } = 0.99;

    public int HorizonRows { get; init; } = 2;

    /// <summary>Past days of joint changes in each FHS scenario set (Eurex Prisma's filtered window is of this order).</summary>
    public int WindowDays { get; init; } = 500;

    /// <summary>EWMA decay for the vols and correlations (RiskMetrics' daily 0.94).</summary>
    public double Lambda { get; init; } = EwmaCovariance.RiskMetricsDecay;

    /// <summary>Paths of the simulated models (implied, ewma); FHS has one scenario per window day.</summary>
    public int Paths { get; init; } = 10_000;

    public RiskConfig Config { get; init; } = new();

    /// <summary>Roll expiring contracts (<see cref="RollingBook"/>); off, they leave the book.</summary>
    public bool Roll { get; init; } = true;

    /// <summary>With floors the requirement is max(ES, stress grid, minimum charge), as in an end-of-day run; without, the model's ES alone.</summary>
    public bool Floors { get; init; }

    /// <summary>Simulated histories for the Acerbi–Szekely p-value.</summary>
    public int EsTestSimulations { get; init; } = 2_000;

    /// <summary>Business days a year, for the scenarios' time and the EWMA vols' annualisation.</summary>
    public const double BusinessDaysPerYear = 252.0;

    /// <summary>The scenarios' horizon in years of business-day variance.</summary>
    public double ScenarioYears => HorizonRows / BusinessDaysPerYear;

    /// <summary>The first setting outside its rule, as (option, problem), or null.</summary>
    public (string Option, string Problem)? FirstProblem()
    {
        if (Models.Count == 0 || Models.Distinct().Count() != Models.Count)
        {
            return ("--models", "must name each model (implied, ewma, fhs, each with or without tools) at most once, and at least one");
        }

        if (Models.Any(m => m.Tools != AntiProcyclicalityTools.None) && AntiProcyclicality.FirstProblem() is { } tools)
        {
            return tools;
        }

        if (!(Confidence is >= 0.5 and < 1))
        {
            return ("--confidence", $"is {Confidence}, must be in [0.5, 1)");
        }

        if (HorizonRows is < 1 or > 250)
        {
            return ("--horizon", $"is {HorizonRows}, must be in [1, 250] rows");
        }

        if (!(Lambda is > 0 and < 1))
        {
            return ("--lambda", $"is {Lambda}, must be in (0, 1)");
        }

        if (Paths is < RiskConfig.MinimumPaths or > 10_000_000)
        {
            return ("--paths", $"is {Paths}, must be in [{RiskConfig.MinimumPaths}, 10,000,000]");
        }

        if (Models.Any(m => m.Model == MarginModel.Fhs) && WindowDays - HorizonRows + 1 < RiskConfig.MinimumPaths)
        {
            return ("--window", $"is {WindowDays}, must give at least {RiskConfig.MinimumPaths} scenarios of {HorizonRows} rows (window ≥ {RiskConfig.MinimumPaths + HorizonRows - 1})");
        }

        if (Models.Any(m => m.Tools.HasFlag(AntiProcyclicalityTools.Stress)) && AntiProcyclicality.StressWindowDays - HorizonRows + 1 < RiskConfig.MinimumPaths)
        {
            return ("--apc-stress-days", $"is {AntiProcyclicality.StressWindowDays}, must give at least {RiskConfig.MinimumPaths} scenarios of {HorizonRows} rows (≥ {RiskConfig.MinimumPaths + HorizonRows - 1})");
        }

        return null;
    }
}
