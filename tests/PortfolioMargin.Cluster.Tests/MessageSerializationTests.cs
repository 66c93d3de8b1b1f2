using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Grains.Abstractions.Surrogates;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// Messages through Orleans' own serializer, as silos exchange them: a position risk's attribution crosses intact,
/// and a missing one stays missing rather than becoming zeros.
/// </summary>
public sealed class MessageSerializationTests
{
    private static readonly Serializer Wire = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(PositionRiskConverter).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value)
        where T : class => Wire.Deserialize<T>(Wire.SerializeToArray(value))!;

    private static PositionRisk Risk(PositionAttribution? attribution) => new(
        new Position("ACC1", Instrument.Option("SPY", OptionRight.Put, 480, new DateOnly(2027, 1, 15)), -3, 100, 7),
        2.5, -750, -30, 0.5, -12.25, 4.75, attribution);

    [Fact]
    public void A_position_risk_round_trips_with_its_attribution_and_without_one()
    {
        PositionRisk[] risks = [Risk(new PositionAttribution(1200.5, -0.0, -950.25)), Risk(null), Risk(new PositionAttribution(0, 0, 0))];

        var back = RoundTrip(risks);

        Assert.Equal(risks, back);
        Assert.Null(back[1].Attribution);
        Assert.Equal(new PositionAttribution(0, 0, 0), back[2].Attribution); // zeros are an attribution, not none
        Assert.True(double.IsNegative(back[0].Attribution!.Value.StressContribution));
    }

    [Fact]
    public void A_surrogate_from_before_the_attribution_existed_reads_as_none()
    {
        // What a silo of the build before sends: fields 0 to 6 only.
        var older = new PositionRiskSurrogate
        {
            Position = Risk(null).Position,
            UnitValue = 2.5,
            MarketValue = -750,
            DeltaUnderlyingUnits = -30,
            GammaUnderlyingUnits = 0.5,
            VegaPerVolPoint = -12.25,
            ThetaPerDay = 4.75,
        };

        Assert.Equal(Risk(null), new PositionRiskConverter().ConvertFromSurrogate(older));
    }

    [Fact]
    public void A_shard_result_carries_its_positions_attribution_and_a_failed_status_its_input_flag()
    {
        var result = new ShardResult([], [Risk(new PositionAttribution(1, 2, 3)), Risk(null)], "host", new EngineCall("c-1", 1, 1, 1, 10), [], []);

        var status = RoundTrip(new ShardStatus(ShardPhase.Completed, 1, 1, result));
        var failed = RoundTrip(new ShardStatus(ShardPhase.Failed, 0, 1, null, "bad input", ErrorIsInput: true));

        Assert.Equal(result.Positions, status.Result!.Positions);
        Assert.Equal((ShardPhase.Failed, "bad input", true), (failed.Phase, failed.Error, failed.ErrorIsInput));
    }

    [Fact]
    public void A_shard_job_asks_for_the_report_detail_and_its_result_carries_it_bit_for_bit()
    {
        var inputs = SampleBook.Load();
        var detail = new Core.Runs.AccountDetail("ACC1", -1234.5, 0.1, [3, 0, 7], [new(-0.15, 0.25, 987.25), new(0.0, -0.0, double.Epsilon)]);
        var result = new ShardResult([], [], "host", new EngineCall("c-1", 1, 1, 1, 10), [], [], [detail]);

        var job = RoundTrip(new ShardJob("r", 0, 1, inputs.Market, inputs.Config, [], [], RecordDetail: true));
        var back = RoundTrip(new ShardStatus(ShardPhase.Completed, 1, 1, result)).Result!.Details!.Single();

        Assert.True(job.RecordDetail);
        Assert.False(RoundTrip(job with { RecordDetail = false }).RecordDetail);
        Assert.Equal((detail.Account, detail.LossLowest, detail.BinWidth), (back.Account, back.LossLowest, back.BinWidth));
        Assert.Equal(detail.PathCounts, back.PathCounts);
        Assert.Equal(detail.Stress, back.Stress);
        Assert.True(double.IsNegative(back.Stress[1].VolMoveRelative));
        Assert.Null(RoundTrip(result with { Details = null }).Details);
    }

    [Fact]
    public void A_run_request_and_a_shard_job_carry_their_scenario_set_bit_for_bit_and_none_stays_none()
    {
        var inputs = SampleBook.Load();
        var set = new Core.Scenarios.ScenarioSet(2, [100.0, -0.0, 1e-300, 5e12], [0.2, double.Epsilon, 0.3, 9.99]);
        var request = SampleBook.Request(inputs, "r", "/tmp/r") with { Scenarios = set };

        var back = RoundTrip(request).Scenarios!;
        var job = RoundTrip(new ShardJob("r", 0, 1, inputs.Market, inputs.Config, [], [], set)).Scenarios!;

        foreach (var given in new[] { back, job })
        {
            Assert.Equal(2, given.Count);
            Assert.Equal(set.Spot.Select(BitConverter.DoubleToInt64Bits), given.Spot.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(set.AtmVol.Select(BitConverter.DoubleToInt64Bits), given.AtmVol.Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Null(RoundTrip(request with { Scenarios = null }).Scenarios);
    }

    /// <summary>The sample market padded with <paramref name="unused"/> uncorrelated underlyings after its own.</summary>
    private static Core.Market.MarketSnapshot Padded(Core.Market.MarketSnapshot market, int unused)
    {
        var size = market.Underlyings.Count + unused;
        var correlation = Core.Market.MarketSnapshot.Identity(size);
        for (var i = 0; i < market.Underlyings.Count; i++)
        {
            for (var j = 0; j < market.Underlyings.Count; j++)
            {
                correlation[i, j] = market.Correlation[i, j];
            }
        }

        var extra = Enumerable.Range(0, unused).Select(k => market.Underlyings[0] with { Id = $"UNUSED{k}" });
        return market with { Underlyings = [.. market.Underlyings, .. extra], Correlation = correlation };
    }

    private static void AssertSameBits(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.Cast<double>().Select(BitConverter.DoubleToInt64Bits), actual.Cast<double>().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_market_of_thousands_of_uncorrelated_underlyings_travels_as_its_correlated_entries_and_comes_back_bit_for_bit()
    {
        var sample = SampleBook.Load().Market;
        var padded = Padded(sample, 2_000);

        var bytes = Wire.SerializeToArray(padded);
        var back = Wire.Deserialize<Core.Market.MarketSnapshot>(bytes);

        AssertSameBits(padded.Correlation, back!.Correlation);
        Assert.Equal(padded.Underlyings, back.Underlyings);

        // Dense, 2,014² entries would be 32 MB; the sparse form is the 14-underlying block's off-diagonal entries
        // (two numbers each) and the underlyings' fields, well under a megabyte.
        Assert.True(bytes.Length < 1_000_000, $"{bytes.Length} bytes");
        var surrogate = new MarketSnapshotConverter().ConvertToSurrogate(padded);
        Assert.Null(surrogate.CorrelationRowMajor);
        var block = sample.Correlation.Cast<double>().Count(c => c != 0.0) - sample.Underlyings.Count;
        Assert.Equal(block, surrogate.CorrelationEntryIndex!.Length);
    }

    [Fact]
    public void A_dense_correlation_travels_row_major_and_an_older_messages_row_major_form_still_reads()
    {
        var sample = SampleBook.Load().Market;
        var surrogate = new MarketSnapshotConverter().ConvertToSurrogate(sample);

        Assert.NotNull(surrogate.CorrelationRowMajor);
        Assert.Null(surrogate.CorrelationEntryIndex);
        AssertSameBits(sample.Correlation, RoundTrip(sample).Correlation);

        // What a silo of the build before sends: fields 0 to 4 only, row-major.
        var older = new MarketSnapshotSurrogate
        {
            AsOf = sample.AsOf,
            Currency = sample.Currency,
            Rate = sample.Rate,
            Underlyings = [.. sample.Underlyings],
            CorrelationRowMajor = sample.Correlation.Cast<double>().ToArray(),
        };
        AssertSameBits(sample.Correlation, new MarketSnapshotConverter().ConvertFromSurrogate(older).Correlation);
    }

    [Fact]
    public void An_identity_correlation_travels_as_no_entries_and_odd_entries_keep_their_bits()
    {
        var sample = SampleBook.Load().Market;
        var identity = Padded(sample with { Underlyings = [sample.Underlyings[0]], Correlation = new double[,] { { 1.0 } } }, 3);
        Assert.Empty(new MarketSnapshotConverter().ConvertToSurrogate(identity).CorrelationEntryIndex!);
        AssertSameBits(identity.Correlation, RoundTrip(identity).Correlation);

        // A −0.0 off the diagonal and a diagonal that is not 1 are not the identity's bits: they travel as entries.
        var odd = Padded(sample with { Underlyings = [sample.Underlyings[0]], Correlation = new double[,] { { 1.0 } } }, 3);
        odd.Correlation[1, 2] = -0.0;
        odd.Correlation[3, 3] = 0.9999999999999999;
        AssertSameBits(odd.Correlation, RoundTrip(odd).Correlation);
    }
}
