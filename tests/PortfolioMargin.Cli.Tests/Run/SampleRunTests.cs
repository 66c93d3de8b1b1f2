using System.Security.Cryptography;
using System.Text.Json;
using Parquet;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>`pm run` over the bundled sample book: the files, the run record and the JSON document.</summary>
public sealed class SampleRunTests
{
    [Fact]
    public void Sample_run_writes_both_tables_and_a_run_record_that_says_what_it_ran_with()
    {
        using var run = new RunFixture();

        Assert.Equal(RunCommand.Success, run.Run(json: true));

        Assert.True(File.Exists(Path.Combine(run.Output, ResultFiles.Accounts)));
        Assert.True(File.Exists(Path.Combine(run.Output, ResultFiles.Positions)));
        Assert.Equal([run.Output], run.Written()); // no staging folder left behind

        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Output, ResultFiles.RunRecord)));
        var root = record.RootElement;
        Assert.Equal(2_000, root.GetProperty("config").GetProperty("paths").GetInt32());
        Assert.Equal(0.375, root.GetProperty("config").GetProperty("minimumPerContract").GetDouble());
        Assert.StartsWith("cpu", root.GetProperty("device").GetString());
        Assert.True(root.GetProperty("stageTimingsMs").GetProperty("revaluation").GetDouble() > 0);
        foreach (var input in root.GetProperty("inputs").EnumerateArray())
        {
            var path = input.GetProperty("path").GetString()!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), input.GetProperty("sha256").GetString());
        }

        // What it ran on, and the hashes of the files it wrote beside the record.
        Assert.Matches("^[0-9a-f]{40}$|^unknown$", root.GetProperty("engineCommit").GetString());
        var environment = root.GetProperty("environment");
        Assert.StartsWith(".NET", environment.GetProperty("dotnet").GetString());
        Assert.Matches("^[0-9]+\\.[0-9]+", environment.GetProperty("ilgpu").GetString()); // the cpu device: ILGPU was loaded
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("os").GetString()));
        var outputs = root.GetProperty("outputs");
        Assert.Equal([ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies], outputs.EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
        foreach (var output in outputs.EnumerateObject())
        {
            var bytes = File.ReadAllBytes(Path.Combine(run.Output, output.Name));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), output.Value.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, output.Value.GetProperty("bytes").GetInt64());
        }
    }

    [Fact]
    public async Task Json_output_and_accounts_parquet_hold_the_same_accounts_in_every_status()
    {
        using var run = new RunFixture();
        Assert.Equal(RunCommand.Success, run.Run(json: true));

        using var json = JsonDocument.Parse(run.Stdout.ToString());
        var accounts = json.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        string[] fields = ["account", "var", "es", "esStdError", "stressLoss", "worstPriceMove", "worstVolMove", "minimumCharge",
            "initialMargin", "maintenanceMargin", "equity", "excess", "status", "delta", "gamma", "vega", "theta", "strategyMargin", "capitalSaving", "positions"];
        Assert.All(accounts, a => Assert.Equal(fields, a.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["healthy", "liquidation", "margin-call"], accounts.Select(a => a.GetProperty("status").GetString()).Distinct().Order());
        Assert.True(accounts.Count >= 200);
        Assert.All(accounts, a => Assert.True(a.GetProperty("es").GetDouble() >= a.GetProperty("var").GetDouble()));
        Assert.All(accounts, a => Assert.Equal(
            a.GetProperty("strategyMargin").GetDouble() - a.GetProperty("initialMargin").GetDouble(), a.GetProperty("capitalSaving").GetDouble()));

        // Portfolio margin is not always lower: the sample holds accounts it charges more (cheap spreads under the
        // per-contract minimum), and the summary counts them.
        Assert.Contains(accounts, a => a.GetProperty("capitalSaving").GetDouble() < 0);
        Assert.Matches("portfolio margin [0-9,]+ vs strategy-based [0-9,]+: saves [0-9,]+; higher on [1-9][0-9]* accounts?", run.Stderr.ToString() + run.Stdout.ToString());

        await using var stream = File.OpenRead(Path.Combine(run.Output, ResultFiles.Accounts));
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(accounts.Count, reader.RowGroups.Sum(g => g.RowCount));
        var columns = reader.Schema.DataFields.Select(f => f.Name).ToList();
        Assert.Contains("es_std_error", columns);
        Assert.Contains("initial_margin", columns);
        Assert.Contains("status", columns);
        Assert.Equal(["strategy_margin", "capital_saving"], columns.TakeLast(2));

        // Every position once, under its account, in positions.parquet's order, with the file's values.
        await using var positionsFile = await ParquetReader.CreateAsync(Path.Combine(run.Output, ResultFiles.Positions));
        using var positionGroup = positionsFile.OpenRowGroupReader(0);
        var fileAccounts = new string?[positionGroup.RowCount];
        var fileLines = new int[positionGroup.RowCount];
        var fileValues = new double[positionGroup.RowCount];
        var fileEs = new double?[positionGroup.RowCount];
        await positionGroup.ReadAsync(positionsFile.Schema.DataFields.Single(f => f.Name == "account"), fileAccounts.AsMemory());
        await positionGroup.ReadAsync<int>(positionsFile.Schema.DataFields.Single(f => f.Name == "line"), fileLines.AsMemory());
        await positionGroup.ReadAsync<double>(positionsFile.Schema.DataFields.Single(f => f.Name == "value"), fileValues.AsMemory());
        await positionGroup.ReadAsync<double>(positionsFile.Schema.DataFields.Single(f => f.Name == "es_contribution"), fileEs.AsMemory());
        var jsonPositions = accounts
            .SelectMany(a => a.GetProperty("positions").EnumerateArray().Select(p => (Account: a.GetProperty("account").GetString(), Position: p)))
            .ToList();
        string[] positionFields = ["line", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right", "value", "delta", "gamma",
            "vega", "theta", "esContribution", "stressContribution", "incrementalEs"];
        Assert.All(jsonPositions, p => Assert.Equal(positionFields, p.Position.EnumerateObject().Select(f => f.Name)));
        var accountOrder = accounts.Select((a, i) => (a.GetProperty("account").GetString()!, i)).ToDictionary(StringComparer.Ordinal);
        var fileOrder = Enumerable.Range(0, fileLines.Length)
            .Select(i => (fileAccounts[i], fileLines[i], fileValues[i], fileEs[i]))
            .OrderBy(r => accountOrder[r.Item1!]).ToList(); // a stable sort: file order within an account
        Assert.Equal(
            fileOrder,
            jsonPositions.Select(p => (p.Account, p.Position.GetProperty("line").GetInt32(), p.Position.GetProperty("value").GetDouble(),
                p.Position.GetProperty("esContribution").ValueKind == JsonValueKind.Null ? (double?)null : p.Position.GetProperty("esContribution").GetDouble())));

        await using var strategies = await ParquetReader.CreateAsync(Path.Combine(run.Output, ResultFiles.Strategies));
        Assert.Equal(["account", "underlying", "strategy", "legs", "multiplicity", "requirement", "proven_optimal"], strategies.Schema.DataFields.Select(f => f.Name));
        Assert.True(strategies.RowGroups.Sum(g => g.RowCount) >= accounts.Count / 2);
    }

    [Fact]
    public void Existing_results_are_never_overwritten()
    {
        using var run = new RunFixture();
        Directory.CreateDirectory(run.Output);
        var precious = Path.Combine(run.Output, "accounts.parquet");
        File.WriteAllText(precious, "an earlier run");

        Assert.Equal(RunCommand.Failure, run.Run());

        Assert.Equal("an earlier run", File.ReadAllText(precious));
        Assert.Contains("already exists", run.Stderr.ToString());
    }
}
