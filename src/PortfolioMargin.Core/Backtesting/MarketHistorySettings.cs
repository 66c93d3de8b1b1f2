namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Parameters of <see cref="MarketHistoryGenerator"/>: GARCH(1,1) with α (reaction to the last squared shock)
/// and β (persistence), α + β &lt; 1; multivariate Student-t innovations with DegreesOfFreedom &gt; 2; the implied
/// vol premium over the model's one-month vol forecast, in vol points (0.02 = 2 points). The history has one
/// date for the starting spots and then one per regime day.
/// </summary>
public sealed record MarketHistorySettings(
    IReadOnlyList<GeneratedUnderlying> Underlyings,
    IReadOnlyList<MarketRegime> Regimes,
    DateOnly StartDate,
    ulong Seed,
    double GarchAlpha = 0.08,
    double GarchBeta = 0.90,
    double DegreesOfFreedom = 5.0,
    double ImpliedVolPremium = 0.02)
{
    /// <summary>Business days per year, for annualising drift and vol.</summary>
    public const double TradingDaysPerYear = 252.0;

    /// <summary>Horizon of the ATM implied vol: one month of business days.</summary>
    public const int ImpliedVolHorizonDays = 21;

    /// <summary>Dates in the history: the starting date plus one per regime day.</summary>
    public int Dates => 1 + Regimes.Sum(regime => regime.Days);

    /// <summary>
    /// The regime a date's return belongs to (date 0, the starting spots, is counted in the first regime).
    /// </summary>
    public int RegimeIndexAt(int dateIndex)
    {
        var end = 0;
        for (var k = 0; k < Regimes.Count; k++)
        {
            end += Regimes[k].Days;
            if (dateIndex <= end)
            {
                return k;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(dateIndex), dateIndex, $"The history has {Dates} dates.");
    }

    /// <summary>
    /// The sample backtest's market: four US underlyings (starting spots from samples/market.json) over 1,260
    /// business days — calm, trend, crash (vol ×3 on the first day, long-run vol 65%, correlation 0.9) and
    /// recovery. See docs/backtesting.md for the reasoning behind each number.
    /// </summary>
    public static MarketHistorySettings Default(ulong seed = 20260101) => new(
        [
            new GeneratedUnderlying("SPY", 592.4, 1.0),
            new GeneratedUnderlying("QQQ", 508.9, 1.3),
            new GeneratedUnderlying("IWM", 236.15, 1.5),
            new GeneratedUnderlying("JPM", 241.1, 1.55),
        ],
        [
            new MarketRegime("calm", 500, 0.08, 0.12, 0.35),
            new MarketRegime("trend", 300, 0.20, 0.16, 0.50),
            new MarketRegime("crash", 60, -1.50, 0.65, 0.90, OnsetVarianceMultiplier: 9.0),
            new MarketRegime("recovery", 400, 0.25, 0.20, 0.55),
        ],
        new DateOnly(2021, 1, 4),
        seed);
}
