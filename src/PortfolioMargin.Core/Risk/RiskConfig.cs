namespace PortfolioMargin.Core.Risk;

/// <summary>Shape of the Monte Carlo innovations.</summary>
public enum Innovations
{
    Normal = 0,

    /// <summary>Student-t with a chi-square mixing variable shared by every factor of a path step, scaled to unit variance.</summary>
    StudentT = 1,
}

/// <summary>
/// The risk model's settings. Every default is documented in docs/model.md with its source:
/// OCC STANS (2-day, 99% expected shortfall), FINRA Rule 4210(g) (±15% price grid, $0.375 × multiplier minimum).
/// </summary>
public sealed record RiskConfig
{
    public int HorizonDays { get; init; } = 2;

    public double Confidence { get; init; } = 0.99;

    public int Paths { get; init; } = 10_000;

    public int Steps { get; init; } = 1;

    public ulong Seed { get; init; } = 20261124;

    public Innovations Innovations { get; init; } = Innovations.Normal;

    public double DegreesOfFreedom { get; init; } = 5;

    /// <summary>Relative spot moves of the stress grid, applied to every underlying at once.</summary>
    public IReadOnlyList<double> PriceMoves { get; init; } = DefaultPriceMoves;

    /// <summary>Relative ATM-vol moves of the stress grid.</summary>
    public IReadOnlyList<double> VolMoves { get; init; } = DefaultVolMoves;

    public double MinimumPerContract { get; init; } = 0.375;

    public double MaintenanceRatio { get; init; } = 0.8;

    /// <summary>Asset (currency or underlying id) → haircut fraction; assets not listed have no haircut.</summary>
    public IReadOnlyDictionary<string, double> Haircuts { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The strategy-based (traditional) requirement of futures, shown beside portfolio margin: a fraction of
    /// notional, 15% by default (docs/strategy-margin.md), with per-underlying overrides. Self-checking: each
    /// fraction is in (0, 1].
    /// </summary>
    public Strategy.FuturesMarginRates FuturesMargin { get; init; } = Strategy.FuturesMarginRates.Default;

    /// <summary>FINRA 4210(g): −15% to +15% in 3% steps.</summary>
    public static IReadOnlyList<double> DefaultPriceMoves { get; } =
        Enumerable.Range(-5, 11).Select(i => Math.Round(i * 0.03, 10)).ToArray();

    public static IReadOnlyList<double> DefaultVolMoves { get; } = [-0.25, 0.0, 0.25];

    public double HorizonYears => HorizonDays / Market.DayCount.DaysPerYear;

    public double HaircutOf(string asset) => Haircuts.TryGetValue(asset, out var h) ? h : 0.0;

    /// <summary>The fewest paths a run may have: below it the 99% tail holds a single path or none.</summary>
    public const int MinimumPaths = 100;

    /// <summary>The most: one account's P&amp;L row is then 800 MB, which the memory budget must still hold twice.</summary>
    public const int MaximumPaths = 100_000_000;

    /// <summary>Ten years: a horizon is days of liquidation, never a decade.</summary>
    public const int MaxHorizonDays = 3_650;

    /// <summary>Sub-steps of the horizon: daily steps over the longest horizon fit, and every one costs a revaluation.</summary>
    public const int MaxSteps = 3_650;

    /// <summary>Points of one stress axis; the grid (price moves + the unchanged point) × vol moves is capped too.</summary>
    public const int MaxMovesPerAxis = 1_000;

    public const int MaxStressPoints = 100_000;

    /// <summary>The largest relative move of a stress axis: +1,000 %.</summary>
    public const double MaxMove = 10.0;

    /// <summary>
    /// The first setting outside its rule, in the config file's key order, or null for a config the engine can run.
    /// Every edge calls it: the config file's reader (which turns it into an error naming the line) and a run
    /// request that arrives as a grain call.
    /// </summary>
    public ConfigProblem? FirstProblem()
    {
        if (HorizonDays is < 1 or > MaxHorizonDays)
        {
            return new("horizonDays", $"is {HorizonDays}, must be in [1, {MaxHorizonDays}]");
        }

        if (!(Confidence is >= 0.5 and < 1))
        {
            return new("confidence", $"is {Confidence}, must be in [0.5, 1)");
        }

        if (Paths is < MinimumPaths or > MaximumPaths)
        {
            return new("paths", $"is {Paths}, must be in [{MinimumPaths}, {MaximumPaths:N0}]");
        }

        if (Steps is < 1 or > MaxSteps)
        {
            return new("steps", $"is {Steps}, must be in [1, {MaxSteps}]");
        }

        if (!Enum.IsDefined(Innovations))
        {
            return new("innovations", $"{(int)Innovations} is not one of normal, student-t");
        }

        if (!(DegreesOfFreedom > 2))
        {
            return new("degreesOfFreedom", $"is {DegreesOfFreedom}, must be > 2 (the t variance is finite only then)");
        }

        if ((MoveProblem("priceMoves", PriceMoves) ?? MoveProblem("volMoves", VolMoves)) is { } moveProblem)
        {
            return moveProblem;
        }

        if (!(MinimumPerContract >= 0) || double.IsPositiveInfinity(MinimumPerContract))
        {
            return new("minimumPerContract", $"is {MinimumPerContract}, must be >= 0");
        }

        if (!(MaintenanceRatio is > 0 and <= 1))
        {
            return new("maintenanceRatio", $"is {MaintenanceRatio}, must be in (0, 1]");
        }

        foreach (var (asset, haircut) in Haircuts)
        {
            if (!(haircut is >= 0 and < 1))
            {
                return new("haircuts", $"is {haircut}, must be in [0, 1)", Key: asset);
            }
        }

        // The grid is every price move (and the unchanged point) with every vol move, each revalued per instrument.
        var points = (long)(PriceMoves.Count + 1) * VolMoves.Count;
        // Past the bound only when both axes are long (one at its default keeps the grid at most 12,000 points), so the
        // error names the second axis.
        return points <= MaxStressPoints ? null : new("volMoves", $"gives a stress grid of {points:N0} points, at most {MaxStressPoints:N0}");
    }

    /// <summary>Relative moves: −1 would take a spot or a vol to zero, so each must be above it.</summary>
    private static ConfigProblem? MoveProblem(string field, IReadOnlyList<double> moves)
    {
        if (moves.Count is 0 or > MaxMovesPerAxis)
        {
            return new(field, moves.Count == 0 ? "must list at least one move" : $"lists {moves.Count:N0} moves, at most {MaxMovesPerAxis:N0}");
        }

        for (var i = 0; i < moves.Count; i++)
        {
            if (!(moves[i] > -1 && moves[i] <= MaxMove))
            {
                return new(field, $"is {moves[i]}, must be in (-1, {MaxMove}]", Element: i);
            }
        }

        return null;
    }
}

/// <summary>
/// A setting outside its rule: the config key, the element of a list or the key of a map where the problem is
/// one entry, and what is wrong, worded to follow "field 'x': ".
/// </summary>
public readonly record struct ConfigProblem(string Field, string Problem, int? Element = null, string? Key = null);
