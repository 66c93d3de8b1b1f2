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

    /// <summary>FINRA 4210(g): −15% to +15% in 3% steps.</summary>
    public static IReadOnlyList<double> DefaultPriceMoves { get; } =
        Enumerable.Range(-5, 11).Select(i => Math.Round(i * 0.03, 10)).ToArray();

    public static IReadOnlyList<double> DefaultVolMoves { get; } = [-0.25, 0.0, 0.25];

    public double HorizonYears => HorizonDays / Market.DayCount.DaysPerYear;

    public double HaircutOf(string asset) => Haircuts.TryGetValue(asset, out var h) ? h : 0.0;
}
