using PortfolioMargin.Core.Scenarios;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// A run's fingerprint is kept in grain storage (Redis) and compared when the run is submitted again, possibly by a
/// silo of a later build: the digest of the same request must not change between builds. The values are those of
/// the build before the correlation and the scenario levels were hashed in bulk (79981b9, each double added one by
/// one), so they pin the layout of the digest, not an engine output.
/// </summary>
public sealed class RunFingerprintTests
{
    private static MarginRunRequest Request(ScenarioSet? scenarios)
    {
        var inputs = InputLoader.Load(SampleBook.PathOf("market.json"), SampleBook.PathOf("positions.csv"), SampleBook.PathOf("collateral.csv"), SampleBook.PathOf("config.json"));
        return new MarginRunRequest(
            "r", inputs.Market, inputs.Config, [.. inputs.Positions], [.. inputs.Collateral], "/tmp/r/r", [new RunInput("positions", "p", "")], ["x"], Scenarios: scenarios);
    }

    [Fact]
    public void The_sample_runs_fingerprint_is_the_one_earlier_builds_stored()
    {
        Assert.Equal("01933f86f39641b19d81d179d869470e809ec4c28f2642d776d02190420d4e7c", RunFingerprint.Of(Request(null)));
    }

    [Fact]
    public void A_given_sets_fingerprint_is_the_one_earlier_builds_stored_down_to_a_negative_zero_and_a_subnormal()
    {
        var set = new ScenarioSet(2, [100.0, -0.0, 1e-300, 5e12], [0.2, double.Epsilon, 0.3, 9.99]);

        Assert.Equal("fe9154fb7190b8c6efb61d8af6904c7eb3522fd09bcb029d8992e60d94355b11", RunFingerprint.Of(Request(set)));
    }

    [Fact]
    public void A_big_mostly_identity_market_is_told_apart_by_any_one_entry_and_not_by_how_it_was_built()
    {
        // 2,014 underlyings: past the size from which the correlation goes in as its entries off the identity.
        var request = Request(null);
        var market = request.Market;
        var size = market.Underlyings.Count + 2_000;
        double[,] Padded()
        {
            var correlation = Core.Market.MarketSnapshot.Identity(size);
            for (var i = 0; i < market.Underlyings.Count; i++)
            {
                for (var j = 0; j < market.Underlyings.Count; j++)
                {
                    correlation[i, j] = market.Correlation[i, j];
                }
            }

            return correlation;
        }

        var underlyings = market.Underlyings.Concat(Enumerable.Range(0, 2_000).Select(k => market.Underlyings[0] with { Id = $"UNUSED{k}" })).ToArray();
        var padded = request with { Market = market with { Underlyings = underlyings, Correlation = Padded() } };
        var again = request with { Market = market with { Underlyings = underlyings, Correlation = Padded() } };
        var far = Padded();
        (far[1_500, 1_600], far[1_600, 1_500]) = (0.1, 0.1);
        var negativeZero = Padded();
        negativeZero[2_000, 3] = -0.0;

        var digest = RunFingerprint.Of(padded);
        Assert.Equal(digest, RunFingerprint.Of(again));
        Assert.NotEqual(digest, RunFingerprint.Of(padded with { Market = padded.Market with { Correlation = far } }));
        Assert.NotEqual(digest, RunFingerprint.Of(padded with { Market = padded.Market with { Correlation = negativeZero } }));
        Assert.NotEqual(digest, RunFingerprint.Of(request));
    }
}
