using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// `pm backtest` as a user runs it: a bad history row is exit 2 naming file, line and field with nothing written;
/// a small history writes both tables and run.json and prints the JSON document with --json; a Parquet history
/// backtests exactly as its CSV.
/// </summary>
public sealed class BacktestProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-backtest-").FullName;

    [Theory]
    [InlineData("-5", "spot")]
    [InlineData("abc", "spot")]
    [InlineData("NaN", "spot")]
    public void A_bad_history_row_exits_2_naming_file_line_and_field_and_writes_nothing(string badSpot, string field)
    {
        var lines = History(40).Split('\n').ToArray();
        lines[5] = string.Join(',', lines[5].Split(',') is var cells ? [cells[0], cells[1], badSpot, cells[3]] : cells);
        File.WriteAllText(Path.Combine(_folder, "history.csv"), string.Join('\n', lines));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions);

        var (exit, stdout, stderr) = PmProcess.Run(_folder, "backtest", "--history", "history.csv", "--positions", "positions.csv", "--out", "out");

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.Contains("history.csv:6", stderr);
        Assert.Contains(field, stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
        Assert.Equal(["history.csv", "positions.csv"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_position_on_an_underlying_the_history_lacks_exits_2()
    {
        File.WriteAllText(Path.Combine(_folder, "history.csv"), History(40));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions + "b,spot,ZZZ,1,1,,,\n");

        var (exit, _, stderr) = PmProcess.Run(_folder, "backtest", "--history", "history.csv", "--positions", "positions.csv", "--out", "out");

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.Contains("positions.csv", stderr);
        Assert.Contains("ZZZ", stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public void A_small_history_writes_the_tables_and_run_json_and_prints_json()
    {
        File.WriteAllText(Path.Combine(_folder, "history.csv"), History(60));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions);

        var (exit, stdout, stderr) = PmProcess.Run(_folder, "backtest", "--history", "history.csv", "--positions", "positions.csv",
            "--models", "implied,ewma", "--paths", "200", "--horizon", "1", "--out", "out", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        foreach (var file in new[] { "backtest.parquet", "backtest-summary.parquet", "run.json", "backtest-report.html" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, "out", file)), file);
        }

        using var document = JsonDocument.Parse(stdout);
        var summary = document.RootElement.GetProperty("summary");
        var rows = document.RootElement.GetProperty("rows");
        Assert.Equal(2, summary.GetArrayLength());
        Assert.Equal(["implied", "ewma"], summary.EnumerateArray().Select(s => s.GetProperty("model").GetString()));

        // Implied and EWMA both start after the 20-day EWMA warm-up and end a horizon before the last date.
        Assert.Equal(2 * (60 - 21 - 1), rows.GetArrayLength());
        var first = rows[0];
        foreach (var name in new[] { "date", "model", "portfolio", "var", "requirement", "realizedLoss", "varExceedance", "exceedance" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void A_model_with_tools_runs_beside_the_model_alone_and_run_json_names_the_tools()
    {
        File.WriteAllText(Path.Combine(_folder, "history.csv"), History(60));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions);

        var (exit, stdout, stderr) = PmProcess.Run(_folder, "backtest", "--history", "history.csv", "--positions", "positions.csv",
            "--models", "implied,implied+buffer+tenyear", "--apc-buffer", "0.5", "--paths", "200", "--horizon", "1", "--out", "out", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(["implied", "implied+tenyear+buffer"], document.RootElement.GetProperty("summary").EnumerateArray().Select(s => s.GetProperty("model").GetString()));
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        var plain = rows.Where(r => r.GetProperty("model").GetString() == "implied").ToArray();
        var tooled = rows.Where(r => r.GetProperty("model").GetString() == "implied+tenyear+buffer").ToArray();
        Assert.Equal(plain.Length, tooled.Length);
        Assert.All(plain.Zip(tooled), p => Assert.True(p.Second.GetProperty("requirement").GetDouble() >= p.First.GetProperty("requirement").GetDouble()));

        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "out", "run.json")));
        var tools = record.RootElement.GetProperty("settings").GetProperty("antiProcyclicality").EnumerateArray().Single();
        Assert.Equal("implied+tenyear+buffer", tools.GetProperty("model").GetString());
        Assert.Equal(["tenyear", "buffer"], tools.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0.5, tools.GetProperty("buffer").GetProperty("share").GetDouble());
    }

    [Theory]
    [InlineData("--models", "fhs+floor", "'floor' in 'fhs+floor' is not an anti-procyclicality tool")]
    [InlineData("--apc-buffer", "0", "--apc-buffer")]
    public void A_bad_tool_or_parameter_exits_2_before_any_work(string option, string value, string message)
    {
        File.WriteAllText(Path.Combine(_folder, "history.csv"), History(40));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions);

        var models = option == "--models" ? value : "implied+buffer";
        var extra = option == "--models" ? Array.Empty<string>() : [option, value];
        var (exit, _, stderr) = PmProcess.Run(_folder, ["backtest", "--history", "history.csv", "--positions", "positions.csv", "--models", models, .. extra, "--out", "out"]);

        Assert.True(exit == RunCommand.BadInput, $"exit {exit}: {stderr}");
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public async Task A_parquet_history_writes_the_same_backtest_rows_as_its_csv()
    {
        var csv = History(30);
        File.WriteAllText(Path.Combine(_folder, "history.csv"), csv);
        await WriteParquetAsync(Path.Combine(_folder, "history.parquet"), csv);
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions);

        foreach (var history in new[] { "history.csv", "history.parquet" })
        {
            var (exit, _, stderr) = PmProcess.Run(_folder, "backtest", "--history", history, "--positions", "positions.csv",
                "--models", "implied", "--paths", "1000", "--horizon", "1", "--out", $"out-{history}", "--quiet");
            Assert.True(exit == 0, $"{history}: exit {exit}: {stderr}");
        }

        // Equal bytes but for the run id: the same rows, bit for bit.
        Assert.Equal(
            ResultFileBytes.WithoutRunId(Path.Combine(_folder, "out-history.csv", "backtest.parquet")),
            ResultFileBytes.WithoutRunId(Path.Combine(_folder, "out-history.parquet", "backtest.parquet")));
    }

    [Fact]
    public void A_rate_in_the_options_is_every_dates_rate_and_a_bad_one_exits_2()
    {
        File.WriteAllText(Path.Combine(_folder, "history.csv"), History(40));
        File.WriteAllText(Path.Combine(_folder, "positions.csv"), Positions + $"a,future,AAA,-1,1,,{new DateOnly(2025, 6, 20):yyyy-MM-dd},\n");

        double[] Losses(string output, params string[] rate)
        {
            var (exit, stdout, stderr) = PmProcess.Run(_folder, ["backtest", "--history", "history.csv", "--positions", "positions.csv",
                "--models", "implied", "--paths", "200", "--horizon", "1", "--out", output, "--json", "--quiet", .. rate]);
            Assert.True(exit == 0, $"exit {exit}: {stderr}");
            using var document = JsonDocument.Parse(stdout);
            return [.. document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("realizedLoss").GetDouble())];
        }

        // A future's carry e^{rτ} moves with the rate: the book's realized losses change with it.
        Assert.NotEqual(Losses("zero"), Losses("five", "--rate", "0.05"));
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "five", "run.json")));
        Assert.Equal(0.05, record.RootElement.GetProperty("settings").GetProperty("rate").GetDouble());

        var (bad, _, error) = PmProcess.Run(_folder, "backtest", "--history", "history.csv", "--positions", "positions.csv", "--rate", "NaN", "--out", "bad");
        Assert.True(bad == RunCommand.BadInput, $"exit {bad}: {error}");
        Assert.Contains("--rate", error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "bad")));
    }

    private const string Positions = "account,type,underlying,quantity,multiplier,strike,expiry,right\na,spot,AAA,100,1,,,\n";

    /// <summary>Business days from 2024-01-01 with a deterministic wiggle in the spot.</summary>
    private static string History(int dates)
    {
        var text = new StringBuilder("date,underlying,spot,atmVol\n");
        var day = new DateOnly(2024, 1, 1);
        for (var t = 0; t < dates; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},AAA,{100 * Math.Exp(0.02 * Math.Sin(t * 1.7)):F4},0.2\n");
            t++;
        }

        return text.ToString();
    }

    /// <summary>The CSV's rows as Parquet, written by Parquet.Net: date a DATE, underlying a string, numbers DOUBLEs.</summary>
    private static async Task WriteParquetAsync(string path, string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToArray();
        var date = new DataField<DateOnly>("date");
        var underlying = new DataField<string>("underlying", false);
        var spot = new DataField<double>("spot");
        var atmVol = new DataField<double>("atmVol");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(date, underlying, spot, atmVol), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<DateOnly>(date, rows.Select(r => DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
        await group.WriteAsync(underlying, rows.Select(r => r[1]).ToArray());
        await group.WriteAsync<double>(spot, rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray());
        await group.WriteAsync<double>(atmVol, rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
