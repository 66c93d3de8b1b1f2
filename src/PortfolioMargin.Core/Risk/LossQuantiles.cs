namespace PortfolioMargin.Core.Risk;

/// <summary>
/// A compact copy of one account's loss distribution over the run's paths: the empirical quantile function at
/// <see cref="Points"/> equally spaced probabilities in the body [0, confidence) and as many in the tail
/// [confidence, 1], so the tail beyond the VaR, which decides ES and its backtest, is kept as finely as the whole
/// body. Drawing a uniform u and reading <see cref="At"/> samples the distribution (an Acerbi–Szekely p-value under
/// the model's own scenarios, a report's histogram) without keeping every path.
/// </summary>
public sealed class LossQuantiles
{
    public const int Points = 256;

    private LossQuantiles(double confidence, double[] body, double[] tail)
    {
        Confidence = confidence;
        Body = body;
        Tail = tail;
    }

    public double Confidence { get; }

    /// <summary>Loss at probability (i + ½)/Points · confidence.</summary>
    public double[] Body { get; }

    /// <summary>Loss at probability confidence + (i + ½)/Points · (1 − confidence).</summary>
    public double[] Tail { get; }

    /// <summary>From every path's loss, sorted ascending: each point is the order statistic at its probability.</summary>
    public static LossQuantiles FromSorted(ReadOnlySpan<double> sortedLosses, double confidence)
    {
        if (sortedLosses.IsEmpty)
        {
            throw new ArgumentException("A loss distribution needs at least one path.", nameof(sortedLosses));
        }

        var body = new double[Points];
        var tail = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            body[i] = OrderStatistic(sortedLosses, (i + 0.5) / Points * confidence);
            tail[i] = OrderStatistic(sortedLosses, confidence + (i + 0.5) / Points * (1.0 - confidence));
        }

        return new LossQuantiles(confidence, body, tail);
    }

    /// <summary>The loss at probability <paramref name="u"/> in [0, 1): the stored point whose band holds u.</summary>
    public double At(double u)
    {
        if (u < Confidence)
        {
            return Body[Math.Clamp((int)(u / Confidence * Points), 0, Points - 1)];
        }

        return Tail[Math.Clamp((int)((u - Confidence) / (1.0 - Confidence) * Points), 0, Points - 1)];
    }

    // The smallest loss with at least a share u of the paths at or below it: L_(⌈u·N⌉).
    private static double OrderStatistic(ReadOnlySpan<double> sorted, double u) =>
        sorted[Math.Clamp((int)Math.Ceiling(u * sorted.Length) - 1, 0, sorted.Length - 1)];
}
