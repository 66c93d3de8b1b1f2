using DuckDB.NET.Data;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Kernels;
using PortfolioMargin.Silo.Market;
using PortfolioMargin.Storage.Input;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Output;

/// <summary>
/// The result files as a reader other than Parquet.Net sees them (DuckDB): the sample book's accounts, positions and
/// strategies, and an events file, each with its documented types, NOT NULL where a column is never null, the run's
/// key-value metadata, no min/max statistics where a chunk has no value, and the engine's own values.
/// </summary>
public sealed class DuckDbReaderTests : IClassFixture<DuckDbReaderTests.SampleFiles>
{
    private readonly SampleFiles _files;

    public DuckDbReaderTests(SampleFiles files) => _files = files;

    [Theory]
    [InlineData(ResultFiles.Accounts,
        "account VARCHAR!, var DOUBLE!, es DOUBLE!, es_std_error DOUBLE!, stress_loss DOUBLE!, worst_price_move DOUBLE!, worst_vol_move DOUBLE!, " +
        "minimum_charge DOUBLE!, initial_margin DOUBLE!, maintenance_margin DOUBLE!, collateral_value DOUBLE!, net_liquidation_value DOUBLE!, " +
        "equity DOUBLE!, excess DOUBLE!, status VARCHAR!, delta DOUBLE!, gamma DOUBLE!, vega DOUBLE!, theta DOUBLE!, " +
        "worst_point_var DOUBLE, worst_point_es DOUBLE, strategy_margin DOUBLE!, capital_saving DOUBLE!")]
    [InlineData(ResultFiles.Positions,
        "account VARCHAR!, line INTEGER!, type VARCHAR!, underlying VARCHAR!, quantity DOUBLE!, multiplier DOUBLE!, strike DOUBLE, " +
        "expiry DATE, right VARCHAR, spot DOUBLE!, atm_vol DOUBLE!, unit_value DOUBLE!, value DOUBLE!, delta DOUBLE!, gamma DOUBLE!, " +
        "vega DOUBLE!, theta DOUBLE!, es_contribution DOUBLE, stress_contribution DOUBLE, incremental_es DOUBLE")]
    [InlineData(ResultFiles.Strategies,
        "account VARCHAR!, underlying VARCHAR!, strategy VARCHAR!, legs VARCHAR!, multiplicity DOUBLE!, requirement DOUBLE!, proven_optimal BOOLEAN!")]
    [InlineData(SampleFiles.Events,
        "account VARCHAR!, time TIMESTAMP WITH TIME ZONE!, old_status VARCHAR!, new_status VARCHAR!, equity DOUBLE!, initial_margin DOUBLE!, " +
        "maintenance_margin DOUBLE!, trigger VARCHAR!")]
    public void Columns_have_the_documented_types_and_never_null_ones_are_required(string file, string expected)
    {
        var path = _files.PathOf(file);
        var types = Rows($"DESCRIBE SELECT * FROM read_parquet('{path}')", r => (Name: r.GetString(0), Type: r.GetString(1)));
        var required = Rows($"SELECT name, repetition_type FROM parquet_schema('{path}') WHERE num_children IS NULL", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(r => r.Item1, r => r.Item2 == "REQUIRED", StringComparer.Ordinal);

        // "!" marks a REQUIRED (NOT NULL) column.
        Assert.Equal(expected, string.Join(", ", types.Select(t => $"{t.Name} {t.Type}{(required[t.Name] ? "!" : "")}")));
    }

    [Theory]
    [InlineData(ResultFiles.Accounts)]
    [InlineData(ResultFiles.Positions)]
    [InlineData(ResultFiles.Strategies)]
    public void Run_files_carry_the_run_id_as_of_currency_and_engine_build_in_their_footer(string file)
    {
        var metadata = KeyValues(_files.PathOf(file));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["run_id"] = SampleFiles.RunId,
                ["as_of"] = _files.Inputs.Market.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["currency"] = _files.Inputs.Market.Currency,
                ["engine_version"] = RunEnvironment.EngineVersion,
                ["engine_commit"] = RunEnvironment.EngineCommit,
            },
            metadata);
        Assert.Equal("USD", metadata["currency"]);
        Assert.Equal(_files.Inputs.Market.AsOf, Scalar<DateTimeOffset>($"SELECT '{metadata["as_of"]}'::TIMESTAMPTZ"));
    }

    [Fact]
    public void The_events_file_names_the_engine_build_and_no_single_run()
    {
        var metadata = KeyValues(_files.PathOf(SampleFiles.Events));

        Assert.Equal(["engine_commit", "engine_version"], metadata.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RunEnvironment.EngineCommit, metadata["engine_commit"]);
    }

    [Fact]
    public void Accounts_read_back_the_engines_values()
    {
        var rows = Rows(
            $"SELECT account, es, initial_margin, status, worst_point_var, strategy_margin FROM read_parquet('{_files.PathOf(ResultFiles.Accounts)}', file_row_number = true) ORDER BY file_row_number",
            r => (r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetString(3), r.IsDBNull(4) ? (double?)null : r.GetDouble(4), r.GetDouble(5)));

        Assert.Equal(
            _files.Result.Accounts.Select(a => (a.Account, a.Horizon.ExpectedShortfall, a.Requirement.InitialMargin, a.Status.ToWire(), a.WorstPoint?.ValueAtRisk, a.StrategyMargin)),
            rows);
        Assert.Contains(rows, r => r.Item4 != "healthy");
    }

    [Fact]
    public void Positions_read_back_the_engines_values_with_typed_expiries_and_their_underlyings_spot_and_vol()
    {
        var market = _files.Inputs.Market;
        var rows = Rows(
            $"SELECT account, line, type, expiry, \"right\", spot, atm_vol, value, delta, es_contribution FROM read_parquet('{_files.PathOf(ResultFiles.Positions)}', file_row_number = true) ORDER BY file_row_number",
            r => (r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.IsDBNull(9) ? (double?)null : r.GetDouble(9)));

        var underlyings = market.Underlyings.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Assert.Equal(
            _files.Result.Positions.Select(p => (
                p.Position.Account, p.Position.SourceLine, ResultFiles.TypeName(p.Position.Type), p.Position.Expiry, ResultFiles.RightName(p.Position.Right),
                underlyings[p.Position.Underlying].Spot, underlyings[p.Position.Underlying].AtmVol, p.MarketValue, p.DeltaUnderlyingUnits, p.Attribution?.EsContribution)),
            rows);
        Assert.Contains(rows, r => r.Item4 is not null);
    }

    [Fact]
    public void A_reader_rebuilds_the_accounts_currency_delta_from_positions_alone()
    {
        // delta in currency = Σ position delta × spot (formats.md), with no market file.
        var path = _files.PathOf(ResultFiles.Positions);
        var deltas = Rows($"SELECT account, sum(delta * spot) FROM read_parquet('{path}') GROUP BY account", r => (r.GetString(0), r.GetDouble(1)))
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);

        Assert.All(_files.Result.Accounts.Where(a => deltas.ContainsKey(a.Account)), a =>
            Assert.Equal(a.Greeks.DeltaCurrency, deltas[a.Account], Math.Max(1e-9 * Math.Abs(a.Greeks.DeltaCurrency), 1e-9)));
    }

    [Fact]
    public void Event_times_read_back_as_utc_instants()
    {
        var rows = Rows(
            $"SELECT account, strftime(time AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%f'), new_status FROM read_parquet('{_files.PathOf(SampleFiles.Events)}', file_row_number = true) ORDER BY file_row_number",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));

        // To the millisecond (the sub-millisecond part of the first is dropped), whatever offset the time was logged in.
        Assert.Equal(
            [("ACC0001", "2026-11-24T15:30:00.123000", "margin-call"), ("ACC0002", "2026-11-24T16:00:00.000000", "liquidation"), ("ACC0001", "2026-11-25T09:00:00.000000", "liquidation")],
            rows);
    }

    [Fact]
    public void Filters_on_time_and_expiry_find_the_rows_they_should()
    {
        // Readers skip row groups by their min/max: the bounds Parquet.Net wrote for a microsecond timestamp (in
        // milliseconds) made this find none.
        var count = Scalar<long>($"SELECT count(*) FROM read_parquet('{_files.PathOf(SampleFiles.Events)}') WHERE time >= TIMESTAMPTZ '2026-11-24 16:00:00+00'");

        Assert.Equal(2, count);
        var expiring = new DateOnly(2027, 1, 1);
        Assert.Equal(
            _files.Result.Positions.Count(p => p.Position.Expiry >= expiring),
            Scalar<long>($"SELECT count(*) FROM read_parquet('{_files.PathOf(ResultFiles.Positions)}') WHERE expiry >= DATE '2027-01-01'"));
    }

    [Theory]
    [InlineData(ResultFiles.Accounts, "status")]
    [InlineData(ResultFiles.Positions, "type")]
    [InlineData(ResultFiles.Positions, "right")]
    [InlineData(ResultFiles.Strategies, "strategy")]
    [InlineData(SampleFiles.Events, "new_status")]
    public void Statuses_types_rights_and_strategy_names_are_dictionary_encoded(string file, string column)
    {
        var encodings = Scalar<string>($"SELECT string_agg(encodings, ',') FROM parquet_metadata('{_files.PathOf(file)}') WHERE path_in_schema = '{column}'");

        Assert.Contains("DICTIONARY", encodings);
    }

    [Theory]
    [InlineData(ResultFiles.Accounts)]
    [InlineData(ResultFiles.Positions)]
    [InlineData(ResultFiles.Strategies)]
    [InlineData(SampleFiles.Events)]
    [InlineData(SampleFiles.EmptyStrategies)]
    public void A_chunk_with_no_value_has_no_min_or_max_and_every_other_number_chunk_has_both(string file)
    {
        var chunks = Rows(
            $"SELECT path_in_schema, num_values, stats_null_count, stats_min IS NULL, stats_max IS NULL, type FROM parquet_metadata('{_files.PathOf(file)}')",
            r => (Column: r.GetString(0), Values: r.GetInt64(1), Nulls: r.IsDBNull(2) ? -1 : r.GetInt64(2), NoMin: r.GetBoolean(3), NoMax: r.GetBoolean(4), Type: r.GetString(5)));

        Assert.All(chunks.Where(c => c.Nulls == c.Values), c => Assert.True(c.NoMin && c.NoMax, $"{c.Column}: min/max on a chunk with no value"));
        Assert.All(chunks.Where(c => c.Nulls < c.Values && c.Type is "DOUBLE" or "INT32"), c => Assert.False(c.NoMin || c.NoMax, $"{c.Column}: no min/max"));
        if (file == ResultFiles.Accounts)
        {
            // The sample runs one step, so it has no worst-point tail: both columns are all null.
            Assert.Equal(2, chunks.Count(c => c.Column.StartsWith("worst_point_", StringComparison.Ordinal) && c.Nulls == c.Values && c.Values > 0));
        }
    }

    private List<T> Rows<T>(string sql, Func<DuckDBDataReader, T> row)
    {
        using var command = _files.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private T Scalar<T>(string sql) => Rows(sql, r => r.GetFieldValue<T>(0)).Single();

    private Dictionary<string, string> KeyValues(string path) =>
        Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);

    /// <summary>The sample book run once on the host, its tables written as a run writes them, and an events file.</summary>
    public sealed class SampleFiles : IDisposable
    {
        public const string RunId = "20261124T160000000Z-duckdb00";
        public const string Events = "events.parquet";
        public const string EmptyStrategies = "empty-strategies.parquet";

        public static readonly StatusChange[] LoggedEvents =
        [
            new("ACC0001", new DateTimeOffset(2026, 11, 24, 15, 30, 0, 123, TimeSpan.Zero).AddTicks(4560), "none", "margin-call", 90.5, 100, 80, "end-of-day:r1"),
            new("ACC0002", new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(1)), "healthy", "liquidation", -5, 40, 32, "market-update:u1"),
            new("ACC0001", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), "margin-call", "liquidation", -7, 41, 32.8, "recompute"),
        ];

        private readonly string _folder = Directory.CreateTempSubdirectory("pm-duckdb-").FullName;

        public SampleFiles()
        {
            Inputs = InputLoader.Load(SampleBook.PathOf("market.json"), SampleBook.PathOf("positions.csv"), SampleBook.PathOf("collateral.csv"), SampleBook.PathOf("config.json"));
            Inputs = Inputs with { Config = Inputs.Config with { Paths = 2_000 } };
            using (var backend = RiskBackends.Open(DeviceKind.Host))
            {
                Result = new MarginEngine(backend).Run(Inputs);
            }

            new ResultTables(PathOf).FinishAsync(RunId, Inputs.Market, Result.Accounts, Result.Positions, Result.Strategies).GetAwaiter().GetResult();
            ResultFiles.StrategyTable([]).WriteAsync(PathOf(EmptyStrategies), ResultMetadata.Of(RunId, Inputs.Market).KeyValues()).GetAwaiter().GetResult();
            EventsFile.WriteAsync(PathOf(Events), LoggedEvents).GetAwaiter().GetResult();
            Connection = new DuckDBConnection("Data Source=:memory:");
            Connection.Open();
        }

        public MarginInputs Inputs { get; }

        public MarginRunResult Result { get; }

        public DuckDBConnection Connection { get; }

        public string PathOf(string file) => Path.Combine(_folder, file);

        public void Dispose()
        {
            Connection.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
