namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// RiskMetrics (J.P. Morgan/Reuters, Technical Document, 4th ed., 1996, §5.2) exponentially weighted covariance of
/// daily returns, fed one day at a time so that the estimate after day t uses rows 0 … t only:
///     Σ_t = λ Σ_{t−1} + (1 − λ) r_t r_tᵀ,   zero mean, λ = 0.94 for daily data.
/// Initialisation: for the first <c>warmupDays</c> days Σ_t is the plain mean of r_s r_sᵀ over s = 0 … t (an
/// expanding window, so no day sees a later one); the recursion starts from that mean. warmupDays = 1 is the
/// "first return squared" seed. Mutable by design: it is the running state of a backtest loop.
/// </summary>
public sealed class EwmaCovariance
{
    /// <summary>RiskMetrics' daily decay factor.</summary>
    public const double RiskMetricsDecay = 0.94;

    /// <summary>Default warm-up: about one effective memory 1/(1 − λ) ≈ 17 days of the daily decay, rounded up.</summary>
    public const int DefaultWarmupDays = 20;

    private readonly int _underlyings;
    private readonly double[] _covariance;

    public EwmaCovariance(int underlyings, double decay = RiskMetricsDecay, int warmupDays = DefaultWarmupDays)
    {
        if (underlyings < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(underlyings), underlyings, "Need at least one underlying.");
        }

        if (!(decay > 0.0 && decay < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "The decay λ must lie in (0, 1).");
        }

        if (warmupDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupDays), warmupDays, "The warm-up needs at least one day.");
        }

        _underlyings = underlyings;
        Decay = decay;
        WarmupDays = warmupDays;
        _covariance = new double[underlyings * underlyings];
    }

    public double Decay { get; }

    public int WarmupDays { get; }

    public int Underlyings => _underlyings;

    /// <summary>Days added so far; the estimates are undefined (NaN) until the first.</summary>
    public int Days { get; private set; }

    /// <summary>Adds the next day's returns (one per underlying) and updates the estimate.</summary>
    public void Add(ReadOnlySpan<double> returns)
    {
        if (returns.Length != _underlyings)
        {
            throw new ArgumentException($"Expected {_underlyings} returns, got {returns.Length}.", nameof(returns));
        }

        Days++;

        // During the warm-up the weight 1/Days gives the expanding mean; afterwards the EWMA weight 1 − λ.
        var weight = Days <= WarmupDays ? 1.0 / Days : 1.0 - Decay;
        for (var i = 0; i < _underlyings; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var index = i * _underlyings + j;
                var updated = _covariance[index] + weight * (returns[i] * returns[j] - _covariance[index]);
                _covariance[index] = updated;
                _covariance[j * _underlyings + i] = updated;
            }
        }
    }

    public double Covariance(int i, int j) => Days == 0 ? double.NaN : _covariance[i * _underlyings + j];

    public double Variance(int i) => Covariance(i, i);

    /// <summary>Daily volatility √σ²_t (not annualised).</summary>
    public double Volatility(int i) => Math.Sqrt(Variance(i));

    /// <summary>ρ_ij = σ_ij / (σ_i σ_j); 1 on the diagonal, 0 where either variance is zero.</summary>
    public double Correlation(int i, int j)
    {
        if (i == j)
        {
            return Days == 0 ? double.NaN : 1.0;
        }

        var scale = Math.Sqrt(Variance(i) * Variance(j));
        return scale > 0.0 ? Math.Clamp(Covariance(i, j) / scale, -1.0, 1.0) : 0.0;
    }

    public double[,] CorrelationMatrix()
    {
        var matrix = new double[_underlyings, _underlyings];
        for (var i = 0; i < _underlyings; i++)
        {
            for (var j = 0; j < _underlyings; j++)
            {
                matrix[i, j] = Correlation(i, j);
            }
        }

        return matrix;
    }
}
