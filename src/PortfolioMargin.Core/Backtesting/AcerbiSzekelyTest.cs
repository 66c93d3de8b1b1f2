using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// The Acerbi–Szekely (2014) Z2 test of expected shortfall ("Backtesting Expected Shortfall", Risk, December 2014),
/// written in the loss-positive convention: L_t is the loss (positive = money lost), VaR_t and ES_t are positive
/// at tail probability α (e.g. 0.025 for 97.5% ES), and
///     Z2 = Σ_t L_t · 1{L_t &gt; VaR_t} / (T · α · ES_t) − 1.
/// The paper writes P&amp;L X_t = −L_t and Z2 = Σ X_t I_t / (T α ES_t) + 1, so our Z2 is the paper's with the sign
/// flipped: E[Z2] = 0 under a correct model, and Z2 &gt; 0 means the tail losses were larger or more frequent
/// than the model's ES allows (risk underestimated). The test is one-sided, as in the paper: the p-value is the
/// share of Z2 simulated under the model that are at least as large as the observed one.
/// </summary>
public static class AcerbiSzekelyTest
{
    /// <summary>Philox stream for drawing scenario indices, apart from the spot, vol and mixing streams.</summary>
    public const uint ScenarioStream = 7;

    /// <summary>Z2 of realised losses against each date's VaR and ES at tail probability α.</summary>
    public static double Z2(ReadOnlySpan<double> losses, ReadOnlySpan<double> valueAtRisk, ReadOnlySpan<double> expectedShortfall, double tailProbability)
    {
        CheckInputs(losses.Length, valueAtRisk, expectedShortfall, tailProbability);
        var sum = 0.0;
        for (var t = 0; t < losses.Length; t++)
        {
            if (losses[t] > valueAtRisk[t])
            {
                sum += losses[t] / expectedShortfall[t];
            }
        }

        return sum / (losses.Length * tailProbability) - 1.0;
    }

    /// <summary>
    /// Z2 with a p-value simulated under the model: <paramref name="drawLoss"/>(t, i) is the loss on date t of
    /// synthetic history i, drawn from the model's loss distribution for date t; it must be a pure function of
    /// (t, i) (e.g. keyed by a Philox seed) so the p-value is reproducible. M = <paramref name="simulations"/>.
    /// </summary>
    public static ExpectedShortfallBacktest Test(
        ReadOnlySpan<double> losses,
        ReadOnlySpan<double> valueAtRisk,
        ReadOnlySpan<double> expectedShortfall,
        double tailProbability,
        Func<int, int, double> drawLoss,
        int simulations)
    {
        ArgumentNullException.ThrowIfNull(drawLoss);
        if (simulations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(simulations), simulations, "The p-value needs at least one simulated history.");
        }

        var observed = Z2(losses, valueAtRisk, expectedShortfall, tailProbability);
        var days = losses.Length;
        var atLeastAsLarge = 0;
        var sum = 0.0;
        var squares = 0.0;
        for (var i = 0; i < simulations; i++)
        {
            var tail = 0.0;
            for (var t = 0; t < days; t++)
            {
                var loss = drawLoss(t, i);
                if (loss > valueAtRisk[t])
                {
                    tail += loss / expectedShortfall[t];
                }
            }

            var simulated = tail / (days * tailProbability) - 1.0;
            atLeastAsLarge += simulated >= observed ? 1 : 0;
            sum += simulated;
            squares += simulated * simulated;
        }

        var mean = sum / simulations;
        var variance = simulations > 1 ? Math.Max(0.0, (squares - simulations * mean * mean) / (simulations - 1)) : 0.0;
        return new ExpectedShortfallBacktest(observed, (double)atLeastAsLarge / simulations, mean, Math.Sqrt(variance), simulations);
    }

    /// <summary>
    /// The simulated test when the model is a set of scenario losses per date (<paramref name="scenarioLosses"/>[t]
    /// is the model's loss sample for date t, e.g. its revalued scenarios): each synthetic loss is one of date t's
    /// scenarios, picked uniformly by Philox counter (seed, simulation i, date t), so the result depends on the seed only.
    /// </summary>
    public static ExpectedShortfallBacktest Test(
        ReadOnlySpan<double> losses,
        ReadOnlySpan<double> valueAtRisk,
        ReadOnlySpan<double> expectedShortfall,
        double tailProbability,
        IReadOnlyList<double[]> scenarioLosses,
        int simulations,
        ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenarioLosses);
        if (scenarioLosses.Count != losses.Length)
        {
            throw new ArgumentException($"{losses.Length} losses but scenario samples for {scenarioLosses.Count} dates.", nameof(scenarioLosses));
        }

        for (var t = 0; t < scenarioLosses.Count; t++)
        {
            if (scenarioLosses[t] is not { Length: > 0 })
            {
                throw new ArgumentException($"Date {t} has no scenario losses.", nameof(scenarioLosses));
            }
        }

        double Draw(int t, int i)
        {
            var sample = scenarioLosses[t];
            var u = CounterNormals.UniformAt(seed, (uint)i, (uint)t, ScenarioStream, 0);
            return sample[Math.Min(sample.Length - 1, (int)(u * sample.Length))];
        }

        return Test(losses, valueAtRisk, expectedShortfall, tailProbability, Draw, simulations);
    }

    private static void CheckInputs(int days, ReadOnlySpan<double> valueAtRisk, ReadOnlySpan<double> expectedShortfall, double tailProbability)
    {
        if (days == 0)
        {
            throw new ArgumentException("Z2 needs at least one date.");
        }

        if (valueAtRisk.Length != days || expectedShortfall.Length != days)
        {
            throw new ArgumentException($"{days} losses but {valueAtRisk.Length} VaR and {expectedShortfall.Length} ES values.");
        }

        if (!(tailProbability > 0.0 && tailProbability < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(tailProbability), tailProbability, "The tail probability α must lie in (0, 1).");
        }

        foreach (var shortfall in expectedShortfall)
        {
            if (!(shortfall > 0.0))
            {
                throw new ArgumentException($"Expected shortfall must be positive, got {shortfall}.");
            }
        }
    }
}
