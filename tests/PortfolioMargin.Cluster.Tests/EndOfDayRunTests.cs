using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Silo.Runs;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EndOfDayRunTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_account_of_a_two_silo_run_equals_the_direct_engine_bit_for_bit()
    {
        var results = await fixture.Grains.GetGrain<IMarginRunGrain>(ClusterFixture.BaseRun).GetResults();

        Assert.Equal(fixture.Direct.Keys.Order(StringComparer.Ordinal), results.Select(r => r.Account));
        foreach (var result in results)
        {
            // Records compare every field with double.Equals: bit for bit up to the sign of zero.
            Assert.Equal(fixture.Direct[result.Account], result);
        }
    }

    [Fact]
    public async Task The_runs_positions_equal_the_direct_engines_in_file_order_attribution_included()
    {
        var positions = await fixture.Grains.GetGrain<IMarginRunGrain>(ClusterFixture.BaseRun).GetPositions();

        // Records compare every field, the attribution too: a position's share of its account's ES and stress loss
        // does not depend on the shard it was priced in.
        Assert.Equal(fixture.DirectRun.Positions, positions);
    }

    [Fact]
    public async Task Run_files_are_byte_identical_to_the_direct_engine_tables()
    {
        var folder = Path.Combine(fixture.Folder, ClusterFixture.BaseRun);
        var direct = Path.Combine(fixture.Folder, "direct-tables");
        Directory.CreateDirectory(direct);
        var run = fixture.DirectRun;
        await new ResultTables(name => Path.Combine(direct, name)).FinishAsync(ClusterFixture.BaseRun, fixture.Inputs.Market, run.Accounts, run.Positions, run.Strategies);

        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.RunRecord)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(direct, ResultFiles.Accounts)), File.ReadAllBytes(Path.Combine(folder, ResultFiles.Accounts)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(direct, ResultFiles.Positions)), File.ReadAllBytes(Path.Combine(folder, ResultFiles.Positions)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(direct, ResultFiles.Strategies)), File.ReadAllBytes(Path.Combine(folder, ResultFiles.Strategies)));
    }

    [Fact]
    public async Task Run_record_counts_one_engine_call_per_silo_and_no_more_revaluations_than_its_shards_need()
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Folder, ClusterFixture.BaseRun, ResultFiles.RunRecord)))!;
        var request = SampleBook.Request(fixture.Inputs, ClusterFixture.BaseRun, fixture.Folder);
        var shards = RunShards.Plan(request, fixture.Cluster.Silos.Count).Jobs;
        var shardWork = shards
            .Select(j => TestAccelerator.Shared.Run(new MarginInputs(j.Market, j.Positions, j.Collateral, j.Config), 0).Result.Work.InstrumentRevaluations)
            .ToList();
        var direct = fixture.DirectRun.Work;
        var revaluations = record["instrumentRevaluations"]!.GetValue<long>();

        // One shard, and so one engine call, per silo: the fan-out never reaches the engine in waves.
        Assert.Equal((2, 2), (record["cluster"]!["shards"]!.GetValue<int>(), record["engineCalls"]!.GetValue<int>()));
        Assert.Equal(2, record["cluster"]!["silos"]!.AsArray().Count);
        Assert.Equal(2, record["cluster"]!["shardDevices"]!.AsArray().Count);

        // Each shard names the silo that priced it, one of the cluster's.
        var silos = record["cluster"]!["silos"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var shardSilos = record["cluster"]!["shardSilos"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(2, shardSilos.Count);
        Assert.All(shardSilos, s => Assert.Contains(s, silos));
        Assert.Equal(shardWork.Sum(), revaluations);

        // The guard against re-pricing: the direct run's revaluations plus at most one shard's worth per extra silo.
        Assert.InRange(revaluations, direct.InstrumentRevaluations, direct.InstrumentRevaluations + shardWork.Max());
        Assert.True(record["accountBatches"]!.GetValue<int>() >= 2 && record["pathChunks"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task An_end_of_day_run_that_finds_an_account_in_deficit_logs_a_margin_event()
    {
        // An account the engine itself finds healthy on the sample market and worse off after a 10% fall in TSLA.
        var fallenMarket = fixture.Inputs.Market with
        {
            Underlyings = [.. fixture.Inputs.Market.Underlyings.Select(u => u.Id == "TSLA" ? u with { Spot = u.Spot * 0.9 } : u)],
        };
        var afterFall = TestAccelerator.Shared.Run(fixture.Inputs with { Market = fallenMarket }, 0).Result.Accounts.ToDictionary(a => a.Account, StringComparer.Ordinal);
        var account = fixture.Direct.Values
            .Where(a => a.Status == AccountStatus.Healthy && afterFall[a.Account].Status != AccountStatus.Healthy)
            .Select(a => a.Account).Order(StringComparer.Ordinal).First();
        var book = fixture.Inputs with
        {
            Positions = [.. fixture.Inputs.Positions.Where(p => p.Account == account)],
            Collateral = [.. fixture.Inputs.Collateral.Where(c => c.Account == account)],
        };
        var fallen = book with { Market = fallenMarket };

        await fixture.RunToCompletionAsync(SampleBook.Request(book, "eod-event-before", fixture.Folder));
        Assert.Equal(AccountStatus.Healthy, (await fixture.Grains.GetGrain<IAccountGrain>(account).GetMargin()).Status);
        await fixture.RunToCompletionAsync(SampleBook.Request(fallen, "eod-event-after", fixture.Folder));
        var margin = await fixture.Grains.GetGrain<IAccountGrain>(account).GetMargin();

        Assert.Contains(margin.Status, new[] { AccountStatus.MarginCall, AccountStatus.Liquidation });
        var events = await ParquetColumns.ReadTextAsync(fixture.EventsFile, "account", "old_status", "new_status", "trigger");
        var row = Array.LastIndexOf(events["trigger"], "end-of-day:eod-event-after");
        Assert.True(row >= 0, "the end-of-day margin call is in events.parquet");
        Assert.Equal((account, "healthy", margin.Status.ToWire()), (events["account"][row], events["old_status"][row], events["new_status"][row]));
    }

    [Fact]
    public async Task The_first_end_of_day_run_logs_every_account_it_finds_in_margin_call_or_liquidation()
    {
        // The fixture's base run is every sample account's first: no earlier status, so each call is logged as from "none".
        var expected = fixture.Direct.Values.Where(a => a.Status != AccountStatus.Healthy).Select(a => a.Account).Order(StringComparer.Ordinal).ToList();
        var events = await ParquetColumns.ReadTextAsync(fixture.EventsFile, "account", "old_status", "trigger");

        var logged = Enumerable.Range(0, events["account"].Length)
            .Where(i => events["trigger"][i] == $"end-of-day:{ClusterFixture.BaseRun}")
            .Select(i => (events["account"][i], events["old_status"][i])).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, logged.Select(e => e.Item1).Order(StringComparer.Ordinal));
        Assert.All(logged, e => Assert.Equal("none", e.Item2));
    }

    [Fact]
    public async Task Events_files_read_back_what_was_written_so_a_new_process_appends_to_them()
    {
        var path = Path.Combine(fixture.Folder, "events-roundtrip.parquet");
        StatusChange[] written =
        [
            new("A1", new DateTimeOffset(2026, 11, 24, 15, 30, 0, 123, TimeSpan.Zero), "healthy", "margin-call", 90.5, 100, 80, "market-update:u1"),
            new("B2", new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), "none", "liquidation", -5, 40, 32, "end-of-day:r1"),
        ];

        await PortfolioMargin.Silo.Market.EventsFile.WriteAsync(path, written);

        Assert.Equal(written, await PortfolioMargin.Silo.Market.EventsFile.ReadAsync(path));
        Assert.Empty(await PortfolioMargin.Silo.Market.EventsFile.ReadAsync(Path.Combine(fixture.Folder, "no-such-events.parquet")));
    }

    [Fact]
    public async Task An_events_file_an_older_build_wrote_with_text_times_is_read_and_continued()
    {
        // Before the time column was a TIMESTAMP: every column optional text or double, the time ISO 8601 text.
        var path = Path.Combine(fixture.Folder, "events-text-times.parquet");
        var text = new[] { "account", "time", "old_status", "new_status" }.Select(n => new Parquet.Schema.DataField<string>(n, true)).ToArray();
        var numbers = new[] { "equity", "initial_margin", "maintenance_margin" }.Select(n => new Parquet.Schema.DataField<double>(n)).ToArray();
        var trigger = new Parquet.Schema.DataField<string>("trigger", true);
        await using (var stream = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema([.. text, .. numbers, trigger]), stream))
        {
            using var group = writer.CreateRowGroup();
            foreach (var (field, value) in text.Zip(new[] { "A1", "2026-11-24T15:30:00.1234567Z", "healthy", "margin-call" }))
            {
                await group.WriteAsync(field, [value]);
            }

            foreach (var (field, value) in numbers.Zip(new[] { 90.5, 100, 80 }))
            {
                await group.WriteAsync<double>(field, new[] { value }.AsMemory());
            }

            await group.WriteAsync(trigger, ["market-update:u1"]);
        }

        var old = new StatusChange("A1", new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero).AddTicks(1_234_567), "healthy", "margin-call", 90.5, 100, 80, "market-update:u1");
        Assert.Equal([old], await PortfolioMargin.Silo.Market.EventsFile.ReadAsync(path));

        var added = new StatusChange("B2", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), "none", "liquidation", -5, 40, 32, "end-of-day:r1");
        await PortfolioMargin.Silo.Market.EventsFile.WriteAsync(path, [old, added]);
        var continued = await PortfolioMargin.Silo.Market.EventsFile.ReadAsync(path);

        // The new file keeps times to the millisecond.
        Assert.Equal([old with { Time = new DateTimeOffset(2026, 11, 24, 15, 30, 0, 123, TimeSpan.Zero) }, added], continued);
    }
}
