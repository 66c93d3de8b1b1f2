using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>Refused requests name what is wrong and leave every grain as it was.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BadRequestTests(ClusterFixture fixture)
{
    private const string Account = "ACC0001";

    [Fact]
    public async Task An_unknown_account_is_refused_by_name()
    {
        var grain = fixture.Grains.GetGrain<IAccountGrain>("NO-SUCH-ACCOUNT");

        foreach (var call in new Func<Task>[] { grain.GetMargin, grain.GetAccount, grain.Recompute })
        {
            var error = await Assert.ThrowsAsync<MarginRequestException>(call);
            Assert.Contains("unknown account 'NO-SUCH-ACCOUNT'", error.Message);
        }
    }

    [Fact]
    public async Task A_malformed_position_update_is_refused_and_changes_nothing()
    {
        var grain = fixture.Grains.GetGrain<IAccountGrain>(Account);
        var before = await grain.GetAccount();
        var bad = before.Positions.Append(new Position(Account, Instrument.Option("SPY", OptionRight.Call, 500, new DateOnly(2027, 1, 15)), 1, 0)).ToArray();

        var error = await Assert.ThrowsAsync<MarginRequestException>(() => grain.UpdatePositions(bad));

        Assert.Equal($"positions[{before.Positions.Length}]: field 'multiplier': is 0, must be in (0, 1e9]", error.Message);
        var unknown = await Assert.ThrowsAsync<MarginRequestException>(() =>
            grain.UpdatePositions([.. before.Positions, new Position(Account, Instrument.Spot("NOPE"), 1, 1)]));
        Assert.Contains("'NOPE' is not in the market snapshot", unknown.Message);
        var foreign = await Assert.ThrowsAsync<MarginRequestException>(() =>
            grain.UpdateCollateral([new CollateralHolding("ACC0002", "USD", 1)]));
        Assert.Contains("'ACC0002' is not this account 'ACC0001'", foreign.Message);
        await AssertUnchanged(before, await grain.GetAccount());
    }

    [Fact]
    public async Task A_market_update_naming_an_unknown_underlying_is_refused_and_recomputes_nothing()
    {
        var market = fixture.Grains.GetGrain<IMarketDataGrain>(MarketDataKeys.Current);
        var account = fixture.Grains.GetGrain<IAccountGrain>(Account);
        var snapshot = await market.GetSnapshot();
        var before = await account.GetAccount();
        var update = new MarketUpdate("bad", DateTimeOffset.UtcNow, [new UnderlyingMove("SPY", 500, null), new UnderlyingMove("NOPE", 1, null)]);

        var error = await Assert.ThrowsAsync<MarginRequestException>(() => market.ApplyUpdate(update));

        Assert.Equal("market update 'bad': underlyings[1]: field 'id': 'NOPE' is not in the market snapshot", error.Message);
        var negative = await Assert.ThrowsAsync<MarginRequestException>(() =>
            market.ApplyUpdate(new MarketUpdate("neg", DateTimeOffset.UtcNow, [new UnderlyingMove("SPY", -1, null)])));
        Assert.Contains("field 'spot': is -1, must be in (0, 1e12]", negative.Message);

        // One absurd tick (a vol of 1e300 would make every option's value NaN) liquidates nobody: it is refused whole.
        var absurd = await Assert.ThrowsAsync<MarginRequestException>(() =>
            market.ApplyUpdate(new MarketUpdate("absurd", DateTimeOffset.UtcNow, [new UnderlyingMove("SPY", 500, 1e300)])));
        Assert.Contains("underlyings[0]: field 'atmVol': is 1E+300, must be in (0, 10]", absurd.Message);
        Assert.Equal(snapshot?.Version, (await market.GetSnapshot())?.Version);
        await AssertUnchanged(before, await account.GetAccount());
    }

    [Fact]
    public async Task An_update_id_applies_once_a_repeat_changes_nothing_and_a_conflicting_or_early_one_is_refused()
    {
        var market = fixture.Grains.GetGrain<IMarketDataGrain>(MarketDataKeys.Current);
        var snapshot = (await market.GetSnapshot())!;
        var spy = snapshot.Snapshot.Underlyings.Single(u => u.Id == "SPY");
        var update = new MarketUpdate($"once-{Guid.NewGuid():N}", snapshot.Snapshot.AsOf.AddHours(1), [new UnderlyingMove("SPY", spy.Spot, null)]);

        var first = await market.ApplyUpdate(update);
        var again = await market.ApplyUpdate(update with { Moves = [new UnderlyingMove("SPY", spy.Spot, null)] });
        var conflicting = await Assert.ThrowsAsync<MarginRequestException>(() => market.ApplyUpdate(update with { Moves = [new UnderlyingMove("SPY", spy.Spot * 1.01, null)] }));
        var early = await Assert.ThrowsAsync<MarginRequestException>(() =>
            market.ApplyUpdate(new MarketUpdate($"early-{Guid.NewGuid():N}", snapshot.Snapshot.AsOf.AddDays(-1), [new UnderlyingMove("SPY", spy.Spot, null)])));

        Assert.False(first.AlreadyApplied);
        Assert.True(again.AlreadyApplied);
        Assert.Equal(first.MarketVersion, again.MarketVersion);
        Assert.Empty(again.Recomputed);
        Assert.Equal(first.MarketVersion, (await market.GetSnapshot())!.Version);
        Assert.Contains("was already applied with other moves", conflicting.Message);

        // The field at fault crosses the wire, so a client that read the update from a file can name its line.
        Assert.Equal(("id", "asOf"), (conflicting.Field, early.Field));
        Assert.StartsWith("was already applied with other moves", conflicting.Problem);
        Assert.Contains("field 'asOf':", early.Message);
        Assert.Contains("is before the market snapshot's", early.Message);
    }

    [Fact]
    public async Task A_run_id_reused_with_other_inputs_is_refused()
    {
        var request = SampleBook.Request(fixture.Inputs, ClusterFixture.BaseRun, fixture.Folder);
        var other = request with { Config = request.Config with { Seed = request.Config.Seed + 1 } };

        var error = await Assert.ThrowsAsync<MarginRequestException>(() => fixture.Grains.GetGrain<IMarginRunGrain>(ClusterFixture.BaseRun).Submit(other));

        Assert.Contains("already submitted with other inputs", error.Message);
    }

    [Theory]
    [InlineData("rate")]
    [InlineData("atmVol")]
    [InlineData("dividendYield")]
    [InlineData("quantity")]
    [InlineData("amount")]
    [InlineData("paths")]
    [InlineData("volMoves[0]")]
    public async Task A_run_whose_inputs_are_past_the_plausibility_bounds_is_refused_before_any_work(string field)
    {
        var inputs = fixture.Inputs;
        var market = inputs.Market;
        var request = SampleBook.Request(inputs, $"implausible-{field.Replace('[', '-').TrimEnd(']')}", fixture.Folder);
        request = field switch
        {
            "rate" => request with { Market = market with { Rate = 1e6 } },
            "atmVol" => request with { Market = market with { Underlyings = [market.Underlyings[0] with { AtmVol = 1e6 }, .. market.Underlyings.Skip(1)] } },
            "dividendYield" => request with { Market = market with { Underlyings = [market.Underlyings[0] with { DividendYield = -1e6 }, .. market.Underlyings.Skip(1)] } },
            "quantity" => request with { Positions = [request.Positions[0] with { Quantity = 1e308 }, .. request.Positions.Skip(1)] },
            "paths" => request with { Config = request.Config with { Paths = 5 } },
            "volMoves[0]" => request with { Config = request.Config with { VolMoves = [-2.0] } },
            _ => request with { Collateral = [request.Collateral[0] with { Amount = 1e308 }, .. request.Collateral.Skip(1)] },
        };
        var run = fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId);

        var error = await Assert.ThrowsAsync<MarginRequestException>(() => run.Submit(request));

        Assert.Contains($"field '{field}': is ", error.Message);
        Assert.Equal(RunPhase.NotSubmitted, (await run.GetStatus()).Phase);
        Assert.False(Directory.Exists(request.OutputFolder));
    }

    [Fact]
    public async Task A_run_folder_outside_the_results_root_is_refused_before_any_work()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"pm-outside-{Guid.NewGuid():N}");
        var request = SampleBook.Request(fixture.Inputs, "outside-root", fixture.Folder) with { OutputFolder = outside };
        var run = fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId);

        var error = await Assert.ThrowsAsync<MarginOutputException>(() => run.Submit(request));

        Assert.Contains("is outside this cluster's results root", error.Message);
        Assert.False(Directory.Exists(outside));
        Assert.Equal(RunPhase.NotSubmitted, (await run.GetStatus()).Phase);
        var escaping = request with { OutputFolder = Path.Combine("..", "escaped") };
        await Assert.ThrowsAsync<MarginOutputException>(() => run.Submit(escaping));
    }

    [Fact]
    public async Task A_run_folder_that_holds_other_files_is_refused_and_they_are_kept()
    {
        var request = SampleBook.Request(fixture.Inputs, "used-folder", fixture.Folder);
        Directory.CreateDirectory(request.OutputFolder);
        var mine = Path.Combine(request.OutputFolder, "mine.txt");
        await File.WriteAllTextAsync(mine, "a user's file");

        var error = await Assert.ThrowsAsync<MarginOutputException>(() => fixture.Grains.GetGrain<IMarginRunGrain>(request.RunId).Submit(request));

        Assert.Contains("already exists and is not empty", error.Message);
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(request.OutputFolder).Select(Path.GetFileName));
        Assert.Equal("a user's file", await File.ReadAllTextAsync(mine));
    }

    private static Task AssertUnchanged(AccountView before, AccountView after)
    {
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.Collateral, after.Collateral);
        Assert.Equal(before.Latest, after.Latest);
        Assert.Equal(before.Recomputations, after.Recomputations);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_message_whose_instrument_fields_do_not_fit_together_never_becomes_a_position()
    {
        // What a client of another build or language could still send: an option without an expiry on the wire.
        var wire = new Grains.Abstractions.Surrogates.PositionSurrogate
        {
            Account = Account,
            Type = (int)InstrumentType.Option,
            Underlying = "SPY",
            Quantity = 1,
            Multiplier = 100,
            Strike = 500,
            Right = (int)OptionRight.Call,
        };

        var error = Assert.Throws<InstrumentFieldException>(() => new Grains.Abstractions.Surrogates.PositionConverter().ConvertFromSurrogate(wire));

        Assert.Equal("expiry", error.Field);
    }
}
