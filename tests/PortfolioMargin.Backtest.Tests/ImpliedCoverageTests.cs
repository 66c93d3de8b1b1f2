using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Engine.Host;

namespace PortfolioMargin.Backtest.Tests;

/// <summary>
/// On a history drawn from the engine's own model (constant vol and correlation, the vol the implied model reads),
/// the implied model is the true model, so its exceedances are binomial: the VaR's with p = 1 − confidence, the
/// requirement's (the ES) with the model's own probability of a loss above its ES, which for a lognormal spot book
/// is a closed form. Each count must lie inside its two-sided 99% binomial band.
/// </summary>
public class ImpliedCoverageTests
{
    private const double Vol = 0.3;

    [Fact]
    public void Exceedances_of_the_true_model_lie_in_their_binomial_bands()
    {
        var history = SyntheticHistory.Lognormal(["AAA", "BBB"], [100.0, 80.0], 1_300, _ => Vol, 0.6, seed: 20261203);
        Position[] book =
        [
            new("long-AAA", Instrument.Spot("AAA"), 100, 1),
            new("short-BBB", Instrument.Spot("BBB"), -100, 1),
        ];
        var settings = new BacktestSettings { Models = [MarginModel.Implied], Paths = 4_000, HorizonRows = 1, EsTestSimulations = 200 };

        using var host = new HostBackend();
        var result = new BacktestRunner(host).Run(history, book, settings);

        var dateIndex = history.Dates.Select((date, t) => (date, t)).ToDictionary(x => x.date, x => x.t);
        foreach (var portfolio in new[] { "long-AAA", "short-BBB" })
        {
            var rows = result.Rows.Where(r => r.Portfolio == portfolio).ToArray();
            var summary = result.Summaries.Single(s => s.Portfolio == portfolio);
            Assert.True(rows.Length > 1_250, $"{rows.Length} observations");
            Assert.Equal(rows.Length, summary.Observations);

            var varExceedances = rows.Count(r => r.VarExceedance);
            Assert.Equal(varExceedances, summary.VarExceedances);
            AssertInBand(varExceedances, rows.Length, 1 - settings.Confidence, $"{portfolio} VaR exceedances");

            // P(loss > ES) under the lognormal step: a long book loses more than ES when S' < S − ES/q, a short
            // one when S' > S + ES/|q|; ln(S'/S) ~ N(−σ²τ/2, σ²τ).
            var sign = portfolio.StartsWith("long", StringComparison.Ordinal) ? 1.0 : -1.0;
            var tau = settings.ScenarioYears;
            var probabilities = rows.Select(r =>
            {
                var spot = history.Spot[history.At(dateIndex[r.Date], sign > 0 ? 0 : 1)];
                var x = (Math.Log(1 - sign * r.Requirement / (100 * spot)) + 0.5 * Vol * Vol * tau) / (Vol * Math.Sqrt(tau));
                return sign > 0 ? NormalDistribution.Cdf(x) : 1 - NormalDistribution.Cdf(x);
            }).ToArray();
            var esProbability = probabilities.Average();
            Assert.InRange(esProbability, 0.002, 0.006); // about 0.38% for a normal tail at 99%
            AssertInBand(rows.Count(r => r.Exceedance), rows.Length, esProbability, $"{portfolio} requirement exceedances");
        }
    }

    /// <summary>The count lies in [a, b], the smallest and largest counts with at least 0.5% binomial probability beyond them.</summary>
    private static void AssertInBand(int count, int trials, double probability, string what)
    {
        var lower = 0;
        while (BinomialDistribution.Cdf(lower, trials, probability) < 0.005)
        {
            lower++;
        }

        var upper = lower;
        while (BinomialDistribution.Cdf(upper, trials, probability) < 0.995)
        {
            upper++;
        }

        Assert.True(count >= lower && count <= upper, $"{what}: {count} of {trials}, outside the 99% band [{lower}, {upper}] of p = {probability:G4}");
    }
}
