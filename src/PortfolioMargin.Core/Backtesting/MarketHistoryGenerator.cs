using PortfolioMargin.Core.Random;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// A synthetic daily market for backtests: for each underlying i a GARCH(1,1) (Bollerslev 1986) conditional
/// variance h_{t,i} = ω_{k,i} + α ε²_{t−1,i} + β h_{t−1,i}, with ω_{k,i} = (1 − α − β) · h̄_{k,i} so that it
/// mean-reverts to regime k's long-run daily variance h̄ = (LongRunAnnualVol · VolScale)²/252; innovations
/// ε_t = √h_t · z_t with z_t = L_k n_t · s_t multivariate Student-t (n_t i.i.d. normal, L_k the Cholesky factor
/// of regime k's equicorrelation, s_t = √((ν − 2)/χ²_ν) one scale for all underlyings, so crashes are joint);
/// log-return r_t = μ_k/252 − h_t/2 + ε_t. The ATM vol on date t is the GARCH forecast of the average variance
/// over the next 21 days, annualised, plus a premium. Every random number is a Philox counter (seed, 0, t, stream,
/// i): the same seed gives the same history on any machine.
/// </summary>
public static class MarketHistoryGenerator
{
    /// <summary>Rows ordered by date, then underlying in the settings' order.</summary>
    public static MarketHistoryRow[] Generate(MarketHistorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        var underlyings = settings.Underlyings.Count;
        var alpha = settings.GarchAlpha;
        var beta = settings.GarchBeta;
        var persistence = alpha + beta;
        var factors = settings.Regimes.Select(regime => CorrelationFactor.Cholesky(Equicorrelation(underlyings, regime.Correlation))).ToArray();

        var rows = new MarketHistoryRow[settings.Dates * underlyings];
        var spot = settings.Underlyings.Select(u => u.InitialSpot).ToArray();
        var variance = settings.Underlyings.Select(u => LongRunDailyVariance(settings.Regimes[0], u)).ToArray();
        var lastShockSquared = (double[])variance.Clone();
        var independent = new double[underlyings];
        var date = NextBusinessDay(settings.StartDate.AddDays(-1));

        // Date 0: starting spots; the forecast for day 1 is the first regime's long-run variance.
        for (var i = 0; i < underlyings; i++)
        {
            rows[i] = new MarketHistoryRow(date, settings.Underlyings[i].Id, spot[i], ImpliedVol(settings, variance[i], variance[i], persistence));
        }

        var dayIndex = 0;
        for (var k = 0; k < settings.Regimes.Count; k++)
        {
            var regime = settings.Regimes[k];
            var lower = factors[k];
            for (var dayInRegime = 0; dayInRegime < regime.Days; dayInRegime++)
            {
                dayIndex++;
                date = NextBusinessDay(date);
                var mixing = CounterNormals.StudentTScale(settings.Seed, 0, (uint)dayIndex, settings.DegreesOfFreedom);
                for (var i = 0; i < underlyings; i++)
                {
                    independent[i] = CounterNormals.Normal(settings.Seed, 0, (uint)dayIndex, CounterNormals.SpotStream, (uint)i);
                }

                for (var i = 0; i < underlyings; i++)
                {
                    var longRun = LongRunDailyVariance(regime, settings.Underlyings[i]);
                    var h = (1.0 - persistence) * longRun + alpha * lastShockSquared[i] + beta * variance[i];
                    if (dayInRegime == 0)
                    {
                        h *= regime.OnsetVarianceMultiplier;
                    }

                    var correlated = 0.0;
                    for (var j = 0; j <= i; j++)
                    {
                        correlated += lower[i, j] * independent[j];
                    }

                    var shock = Math.Sqrt(h) * correlated * mixing;
                    spot[i] *= Math.Exp(regime.AnnualDrift / MarketHistorySettings.TradingDaysPerYear - 0.5 * h + shock);
                    variance[i] = h;
                    lastShockSquared[i] = shock * shock;

                    // Tomorrow's variance is known at today's close: it is what the implied vol prices.
                    var forecast = (1.0 - persistence) * longRun + alpha * lastShockSquared[i] + beta * h;
                    rows[dayIndex * underlyings + i] = new MarketHistoryRow(date, settings.Underlyings[i].Id, spot[i], ImpliedVol(settings, forecast, longRun, persistence));
                }
            }
        }

        return rows;
    }

    // GARCH term structure: E[h_{t+j}] = h̄ + φ^{j−1} (h_{t+1} − h̄), φ = α + β; averaged over j = 1 … n.
    private static double ImpliedVol(MarketHistorySettings settings, double nextDayVariance, double longRun, double persistence)
    {
        const int n = MarketHistorySettings.ImpliedVolHorizonDays;
        var averageDecay = (1.0 - Math.Pow(persistence, n)) / ((1.0 - persistence) * n);
        var averageVariance = longRun + (nextDayVariance - longRun) * averageDecay;
        return Math.Sqrt(MarketHistorySettings.TradingDaysPerYear * averageVariance) + settings.ImpliedVolPremium;
    }

    private static double LongRunDailyVariance(MarketRegime regime, GeneratedUnderlying underlying)
    {
        var annualVol = regime.LongRunAnnualVol * underlying.VolScale;
        return annualVol * annualVol / MarketHistorySettings.TradingDaysPerYear;
    }

    private static double[,] Equicorrelation(int size, double correlation)
    {
        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                matrix[i, j] = i == j ? 1.0 : correlation;
            }
        }

        return matrix;
    }

    // Weekends skipped; no holiday calendar (a synthetic market has none to honour).
    private static DateOnly NextBusinessDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static void Validate(MarketHistorySettings settings)
    {
        if (settings.Underlyings.Count == 0 || settings.Regimes.Count == 0)
        {
            throw new ArgumentException("A market history needs at least one underlying and one regime.", nameof(settings));
        }

        if (!(settings.GarchAlpha >= 0.0 && settings.GarchBeta >= 0.0 && settings.GarchAlpha + settings.GarchBeta < 1.0))
        {
            throw new ArgumentException($"GARCH needs α, β ≥ 0 and α + β < 1, got α = {settings.GarchAlpha}, β = {settings.GarchBeta}.", nameof(settings));
        }

        if (!(settings.DegreesOfFreedom > 2.0))
        {
            throw new ArgumentException($"Student-t innovations need ν > 2 for a finite variance, got {settings.DegreesOfFreedom}.", nameof(settings));
        }

        foreach (var underlying in settings.Underlyings)
        {
            if (!(underlying.InitialSpot > 0.0) || !(underlying.VolScale > 0.0))
            {
                throw new ArgumentException($"Underlying {underlying.Id} needs a positive spot and vol scale.", nameof(settings));
            }
        }

        // An equicorrelation matrix is positive definite for −1/(n − 1) < ρ < 1.
        var lowest = settings.Underlyings.Count > 1 ? -1.0 / (settings.Underlyings.Count - 1) : -1.0;
        foreach (var regime in settings.Regimes)
        {
            if (regime.Days < 1 || !(regime.LongRunAnnualVol > 0.0) || !(regime.OnsetVarianceMultiplier > 0.0))
            {
                throw new ArgumentException($"Regime {regime.Name} needs at least one day, a positive vol and a positive onset multiplier.", nameof(settings));
            }

            if (!(regime.Correlation > lowest && regime.Correlation < 1.0))
            {
                throw new ArgumentException($"Regime {regime.Name}: correlation {regime.Correlation} must lie in ({lowest:G4}, 1).", nameof(settings));
            }
        }
    }
}
