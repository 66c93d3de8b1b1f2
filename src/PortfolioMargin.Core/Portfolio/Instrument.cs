namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// One contract on an underlying: spot, a future (an expiry, or none for a perpetual priced at spot) or a European
/// option (right, strike, expiry). Built only through <see cref="Spot"/>, <see cref="Future"/> and
/// <see cref="Option"/>, so a spot with a strike or an option without an expiry cannot exist. Equal instruments
/// are one key: the layout, the valuation and the roofline count price each once however many positions hold it.
/// </summary>
public readonly record struct Instrument
{
    private Instrument(InstrumentType type, string underlying, double? strike, DateOnly? expiry, OptionRight? right)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        (Type, Underlying, Strike, Expiry, Right) = (type, underlying, strike, expiry, right);
    }

    public InstrumentType Type { get; }

    public string Underlying { get; }

    /// <summary>Options only; in the underlying's price units.</summary>
    public double? Strike { get; }

    /// <summary>Options always; futures where they have one; never spot.</summary>
    public DateOnly? Expiry { get; }

    /// <summary>Options only.</summary>
    public OptionRight? Right { get; }

    /// <summary>The payoff sign ω in max(ω(S − K), 0): +1 call, −1 put, 0 for spot and futures.</summary>
    public double Omega => Right is { } right ? (int)right : 0.0;

    public static Instrument Spot(string underlying) => new(InstrumentType.Spot, underlying, null, null, null);

    public static Instrument Future(string underlying, DateOnly? expiry) => new(InstrumentType.Future, underlying, null, expiry, null);

    public static Instrument Option(string underlying, OptionRight right, double strike, DateOnly expiry)
    {
        if (!Enum.IsDefined(right))
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "not one of call, put");
        }

        if (!double.IsFinite(strike) || strike <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, "an option's strike is a finite price above zero");
        }

        return new(InstrumentType.Option, underlying, strike, expiry, right);
    }

    /// <summary>
    /// From the loose fields a file row or a wire message carries; an impossible combination throws
    /// <see cref="InstrumentFieldException"/> naming the field to fix, in the order a reader sees the fields.
    /// </summary>
    public static Instrument Of(InstrumentType type, string underlying, double? strike, DateOnly? expiry, OptionRight? right) => type switch
    {
        InstrumentType.Spot when strike is not null => throw new InstrumentFieldException("strike", "must be empty: a spot position has no strike"),
        InstrumentType.Spot when expiry is not null => throw new InstrumentFieldException("expiry", "must be empty: a spot position has no expiry"),
        InstrumentType.Spot when right is not null => throw new InstrumentFieldException("right", "must be empty: a spot position has no right"),
        InstrumentType.Spot => Spot(underlying),
        InstrumentType.Future when strike is not null => throw new InstrumentFieldException("strike", "must be empty: a future has no strike"),
        InstrumentType.Future when right is not null => throw new InstrumentFieldException("right", "must be empty: a future has no right"),
        InstrumentType.Future => Future(underlying, expiry),
        InstrumentType.Option when strike is null || expiry is null || right is null =>
            throw new InstrumentFieldException(strike is null ? "strike" : expiry is null ? "expiry" : "right", "an option needs a strike, an expiry and a right"),
        InstrumentType.Option when !Enum.IsDefined(right.Value) => throw new InstrumentFieldException("right", $"{(int)right.Value} is not one of call, put"),
        InstrumentType.Option => Option(underlying, right.Value, strike.Value, expiry.Value),
        _ => throw new InstrumentFieldException("type", $"{(int)type} is not one of spot, future, option"),
    };
}

/// <summary>An instrument's fields that do not fit together; <see cref="Field"/> names the one to fix.</summary>
public sealed class InstrumentFieldException(string field, string problem) : ArgumentException($"field '{field}': {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
