using Parquet;
using Parquet.Schema;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Output;

/// <summary>The result tables read back with Parquet.Net: every column, every row, across row groups.</summary>
public sealed class ResultFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-result-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Positions_beyond_one_row_group_read_back_value_for_value()
    {
        var positions = Book(1_000_000 + 4_321);
        var path = Path.Combine(_folder, ResultFiles.Positions);

        await ResultFiles.PositionTable(positions, Market).WriteAsync(path, Metadata);

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(2, reader.RowGroupCount);
        Assert.Equal(
            ["account", "line", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right", "spot", "atm_vol",
                "unit_value", "value", "delta", "gamma", "vega", "theta", "es_contribution", "stress_contribution", "incremental_es"],
            reader.Schema.GetDataFields().Select(f => f.Name));
        Assert.Equal(
            ["strike", "expiry", "right", "es_contribution", "stress_contribution", "incremental_es"],
            reader.Schema.GetDataFields().Where(f => f.IsNullable).Select(f => f.Name));
        Assert.Equal(positions.Select(p => p.Position.Account), await ReadTextAsync(reader, "account"));
        Assert.Equal(positions.Select(p => p.Position.SourceLine), await ReadAsync<int>(reader, "line"));
        Assert.Equal(positions.Select(p => p.Position.Type.ToString().ToLowerInvariant()), await ReadTextAsync(reader, "type"));
        Assert.Equal(positions.Select(p => p.Position.Underlying), await ReadTextAsync(reader, "underlying"));
        Assert.Equal(positions.Select(p => p.Position.Quantity), await ReadAsync<double>(reader, "quantity"));
        Assert.Equal(positions.Select(p => p.Position.Multiplier), await ReadAsync<double>(reader, "multiplier"));
        Assert.Equal(positions.Select(p => p.Position.Strike), await ReadNullableAsync<double>(reader, "strike"));
        Assert.Equal(positions.Select(p => p.Position.Expiry?.ToDateTime(TimeOnly.MinValue)), await ReadNullableAsync<DateTime>(reader, "expiry"));
        Assert.Equal(positions.Select(p => p.Position.Right?.ToString().ToLowerInvariant()), await ReadTextAsync(reader, "right"));
        Assert.Equal(positions.Select(p => Spot(p.Position.Underlying)), await ReadAsync<double>(reader, "spot"));
        Assert.Equal(positions.Select(p => AtmVol(p.Position.Underlying)), await ReadAsync<double>(reader, "atm_vol"));
        Assert.Equal(positions.Select(p => p.UnitValue), await ReadAsync<double>(reader, "unit_value"));
        Assert.Equal(positions.Select(p => p.MarketValue), await ReadAsync<double>(reader, "value"));
        Assert.Equal(positions.Select(p => p.DeltaUnderlyingUnits), await ReadAsync<double>(reader, "delta"));
        Assert.Equal(positions.Select(p => p.GammaUnderlyingUnits), await ReadAsync<double>(reader, "gamma"));
        Assert.Equal(positions.Select(p => p.VegaPerVolPoint), await ReadAsync<double>(reader, "vega"));
        Assert.Equal(positions.Select(p => p.ThetaPerDay), await ReadAsync<double>(reader, "theta"));
        Assert.Equal(positions.Select(p => p.Attribution?.EsContribution), await ReadNullableAsync<double>(reader, "es_contribution"));
        Assert.Equal(positions.Select(p => p.Attribution?.StressContribution), await ReadNullableAsync<double>(reader, "stress_contribution"));
        Assert.Equal(positions.Select(p => p.Attribution?.IncrementalEs), await ReadNullableAsync<double>(reader, "incremental_es"));
    }

    [Fact]
    public async Task Attribution_columns_read_back_signed_values_and_null_where_a_position_has_none()
    {
        var book = Book(6);
        PositionRisk[] positions =
        [
            book[0] with { Attribution = new PositionAttribution(1250.5, 2000.25, 900.75) },
            book[1] with { Attribution = new PositionAttribution(-310.125, -0.0, -1_000.5) }, // a hedge: negative loss terms
            book[2] with { Attribution = null },
            book[3] with { Attribution = new PositionAttribution(0.0, 1e-12, 3.5e9) },
        ];
        var path = Path.Combine(_folder, ResultFiles.Positions);

        await ResultFiles.PositionTable(positions, Market).WriteAsync(path, Metadata);

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(new double?[] { 1250.5, -310.125, null, 0.0 }, await ReadNullableAsync<double>(reader, "es_contribution"));
        Assert.Equal(new double?[] { 2000.25, -0.0, null, 1e-12 }, await ReadNullableAsync<double>(reader, "stress_contribution"));
        Assert.Equal(new double?[] { 900.75, -1_000.5, null, 3.5e9 }, await ReadNullableAsync<double>(reader, "incremental_es"));
        Assert.Equal(["theta", "es_contribution", "stress_contribution", "incremental_es"], reader.Schema.GetDataFields().TakeLast(4).Select(f => f.Name));
    }

    [Fact]
    public async Task Finishing_writes_the_three_tables_from_the_final_results()
    {
        var positions = Book(250).Select((p, i) => i % 5 == 0 ? p : p with { Attribution = new PositionAttribution(i, 2.0 * i, -i) }).ToList();
        var accounts = positions.Select(p => p.Position.Account).Distinct().Select(a => new AccountMargin(
            a, new TailRisk(1, 2, 0.1), null, new StressOutcome(3, -0.15, 0.25), new MarginRequirement(0.5, 3, 2.4, 10, AccountStatus.Healthy),
            new AccountEquity(13, 0), new CurrencyGreeks(1, 2, 3, 4), 5)).ToList();
        var tables = new ResultTables(name => Path.Combine(_folder, name));

        await tables.FinishAsync("run-1", Market, accounts, positions, []);

        Assert.Equal(
            [ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(_folder, ResultFiles.Positions));
        Assert.Equal(positions.Select(p => p.Attribution?.StressContribution), await ReadNullableAsync<double>(reader, "stress_contribution"));
    }

    [Fact]
    public async Task Accounts_read_back_value_for_value_and_the_same_table_gives_the_same_bytes()
    {
        var accounts = Enumerable.Range(0, 1_000).Select(i => new AccountMargin(
            $"ACC{i:D4}", new TailRisk(i, i + 0.5, 0.25), i % 2 == 0 ? null : new TailRisk(i + 0.75, i + 0.875, 0.5),
            new StressOutcome(i * 2.0, -0.15, 0.2), new MarginRequirement(3.0, i * 2.0, i * 1.5, 100.0 - 3 * i, (AccountStatus)(i % 3)),
            new AccountEquity(100.0, -i), new CurrencyGreeks(1.0 / (i + 1), 2.0, 3.0, -4.0), i * 3.0)).ToList();
        var path = Path.Combine(_folder, ResultFiles.Accounts);
        var again = Path.Combine(_folder, "again.parquet");

        await ResultFiles.AccountTable(accounts).WriteAsync(path, Metadata);
        await ResultFiles.AccountTable(accounts).WriteAsync(again, Metadata);

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(1, reader.RowGroupCount);
        Assert.Equal(accounts.Select(a => a.Account), await ReadTextAsync(reader, "account"));
        Assert.Equal(accounts.Select(a => a.Horizon.ExpectedShortfall), await ReadAsync<double>(reader, "es"));
        Assert.Equal(accounts.Select(a => a.Requirement.Excess), await ReadAsync<double>(reader, "excess"));
        Assert.Equal(accounts.Select(a => a.Status.ToWire()), await ReadTextAsync(reader, "status"));
        Assert.Equal(accounts.Select(a => a.Greeks.ThetaPerDay), await ReadAsync<double>(reader, "theta"));
        Assert.Equal(accounts.Select(a => a.WorstPoint?.ValueAtRisk), await ReadNullableAsync<double>(reader, "worst_point_var"));
        Assert.Equal(accounts.Select(a => a.WorstPoint?.ExpectedShortfall), await ReadNullableAsync<double>(reader, "worst_point_es"));
    }

    private static readonly MarketSnapshot Market = new(
        new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), "USD", 0.03,
        [.. Enumerable.Range(0, 40).Select(i => new Underlying($"UND{i:D2}", Spot($"UND{i:D2}"), 0.01, AtmVol($"UND{i:D2}")))],
        MarketSnapshot.Identity(40));

    private static readonly IReadOnlyDictionary<string, string> Metadata = ResultMetadata.Of("run-1", Market).KeyValues();

    /// <summary>Every underlying its own spot and vol, so a row that took another's would show.</summary>
    private static double Spot(string underlying) => 100 + int.Parse(underlying[3..], System.Globalization.CultureInfo.InvariantCulture);

    private static double AtmVol(string underlying) => 0.2 + int.Parse(underlying[3..], System.Globalization.CultureInfo.InvariantCulture) / 1000.0;

    /// <summary>
    /// A book shaped like a real one: 100 positions an account, a few underlyings, expiries and every instrument type;
    /// every fourth position without an attribution.
    /// </summary>
    private static List<PositionRisk> Book(int count)
    {
        var underlyings = Enumerable.Range(0, 40).Select(i => $"UND{i:D2}").ToArray();
        var positions = new List<PositionRisk>(count);
        for (var i = 0; i < count; i++)
        {
            var type = (InstrumentType)(i % 3);
            var expiry = new DateOnly(2027, 1, 15).AddDays(i % 11 * 30);
            var underlying = underlyings[i % underlyings.Length];
            var instrument = type switch
            {
                InstrumentType.Spot => Instrument.Spot(underlying),
                InstrumentType.Future => Instrument.Future(underlying, i % 7 == 0 ? null : expiry),
                _ => Instrument.Option(underlying, i % 2 == 0 ? OptionRight.Call : OptionRight.Put, 50 + i % 97, expiry),
            };
            var position = new Position($"ACC{i / 100:D6}", instrument, i % 201 - 100, type == InstrumentType.Spot ? 1 : 100, i + 2);
            PositionAttribution? attribution = i % 4 == 3 ? null : new PositionAttribution(0.25 * i, i % 13 - 6.5, -1.0 / (i + 2));
            positions.Add(new PositionRisk(position, i * 0.01, i * 1.5, i % 10 * 0.1, 1e-4 * i, -0.5 * i, -1.0 / (i + 1), attribution));
        }

        return positions;
    }

    private static async Task<List<string?>> ReadTextAsync(ParquetReader reader, string name)
    {
        var values = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var part = new string?[group.RowCount];
            await group.ReadAsync(Field(reader, name), part.AsMemory());
            values.AddRange(part);
        }

        return values;
    }

    private static async Task<List<T>> ReadAsync<T>(ParquetReader reader, string name)
        where T : struct
    {
        var values = new List<T>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var part = new T[group.RowCount];
            await group.ReadAsync<T>(Field(reader, name), part.AsMemory());
            values.AddRange(part);
        }

        return values;
    }

    private static async Task<List<T?>> ReadNullableAsync<T>(ParquetReader reader, string name)
        where T : struct
    {
        var values = new List<T?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var part = new T?[group.RowCount];
            await group.ReadAsync<T>(Field(reader, name), part.AsMemory());
            values.AddRange(part);
        }

        return values;
    }

    private static DataField Field(ParquetReader reader, string name) =>
        reader.Schema.GetDataFields().Single(f => f.Name == name);
}
