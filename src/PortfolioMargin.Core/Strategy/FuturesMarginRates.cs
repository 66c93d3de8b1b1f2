namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Futures are not Reg T securities; the strategy book charges them a fraction of notional. The default, 15%, is the
/// SEC/CFTC minimum for security futures (17 CFR 242.403(b), lowered from 20% in 2020); exchange-set margins on
/// broad index futures are lower (a few percent of notional, e.g. the $30,000 S&amp;P 500 scan range [SPAN-SLIDES]),
/// so an underlying can carry its own fraction.
/// </summary>
public sealed record FuturesMarginRates
{
    public const double SecurityFuturesFraction = 0.15;

    public static readonly FuturesMarginRates Default = new(SecurityFuturesFraction);

    private readonly Dictionary<string, double> _overrides;

    public FuturesMarginRates(double defaultFractionOfNotional, IReadOnlyDictionary<string, double>? fractionOfNotionalByUnderlying = null)
    {
        CheckFraction(defaultFractionOfNotional, nameof(DefaultFractionOfNotional));
        _overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (underlying, fraction) in fractionOfNotionalByUnderlying ?? new Dictionary<string, double>())
        {
            CheckFraction(fraction, $"{nameof(FractionOfNotionalByUnderlying)}[{underlying}]");
            _overrides[underlying] = fraction;
        }

        DefaultFractionOfNotional = defaultFractionOfNotional;
    }

    public double DefaultFractionOfNotional { get; }

    public IReadOnlyDictionary<string, double> FractionOfNotionalByUnderlying => _overrides;

    public double FractionFor(string underlying) => _overrides.TryGetValue(underlying, out var fraction) ? fraction : DefaultFractionOfNotional;

    internal static void CheckFraction(double fraction, string field)
    {
        if (!(fraction > 0.0 && fraction <= 1.0))
        {
            throw new ArgumentException($"{field} must be in (0, 1], not {fraction}.", field);
        }
    }
}
