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
}
