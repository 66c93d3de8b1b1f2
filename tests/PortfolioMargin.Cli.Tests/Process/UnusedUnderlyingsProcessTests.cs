using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// A market file that lists 20,000 underlyings the book never touches (a 3 MB snapshot) runs as the sample market
/// does: the factor model is the book's 14 underlyings, not 20,014 (a Cholesky of that size alone took minutes),
/// and the result files are the sample market's byte for byte, on the direct path and through the embedded silo.
/// </summary>
public sealed class UnusedUnderlyingsProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-unused-underlyings-").FullName;

    private string Out(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Twenty_thousand_unused_underlyings_simulate_the_books_fourteen_and_change_no_byte()
    {
        var market = Out("market.json");
        File.WriteAllText(market, WithUnused(File.ReadAllText(SampleBook.PathOf("market.json")), 20_000));

        string[] Args(string marketFile, string folder, bool direct = true) =>
        [
            "run", .. direct ? new[] { "--direct" } : [], "--device", "host", "--paths", "2000", "--quiet",
            "--market", marketFile, "--positions", SampleBook.PathOf("positions.csv"),
            "--collateral", SampleBook.PathOf("collateral.csv"), "--config", SampleBook.PathOf("config.json"), "--out", folder,
        ];
        var padded = PmProcess.Run(_folder, Args(market, Out("padded")));
        var sample = PmProcess.Run(_folder, Args(SampleBook.PathOf("market.json"), Out("sample")));

        // The default path, through the embedded silo: the snapshot crosses to the grains with its correlation as the
        // 14-underlying block's entries, not as a dense 20,014² matrix (3.2 GB, which ran the process out of memory).
        var silo = PmProcess.Run(_folder, Args(market, Out("silo"), direct: false));

        Assert.True(padded.Exit == 0, padded.Stderr);
        Assert.True(sample.Exit == 0, sample.Stderr);
        Assert.True(silo.Exit == 0, silo.Stderr);
        foreach (var name in new[] { ResultFiles.Accounts, ResultFiles.Positions, ResultFiles.Strategies })
        {
            Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(Out("sample"), name)), ResultFileBytes.WithoutRunId(Path.Combine(Out("padded"), name)));
            Assert.Equal(ResultFileBytes.WithoutRunId(Path.Combine(Out("sample"), name)), ResultFileBytes.WithoutRunId(Path.Combine(Out("silo"), name)));
        }

        Assert.Equal(14, SimulatedUnderlyings(Out("padded")));
        Assert.Equal(14, SimulatedUnderlyings(Out("sample")));
        Assert.Equal(14, SimulatedUnderlyings(Out("silo")));
    }

    private static int SimulatedUnderlyings(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ResultFiles.RunRecord)))!["simulatedUnderlyings"]!.GetValue<int>();

    /// <summary>The sample market with <paramref name="count"/> more underlyings, half before its own and half after, not in its correlation block.</summary>
    private static string WithUnused(string sample, int count)
    {
        const string Key = "\"underlyings\": [";
        var at = sample.IndexOf(Key, StringComparison.Ordinal) + Key.Length;
        var end = sample.IndexOf("\n  ],", at, StringComparison.Ordinal);
        string Rows(int from, int to)
        {
            var rows = new StringBuilder();
            for (var i = from; i < to; i++)
            {
                rows.Append(CultureInfo.InvariantCulture,
                    $"\n    {{\"id\": \"UNUSED{i:00000}\", \"spot\": {100 + i % 50}, \"dividendYield\": 0.01, \"atmVol\": 0.3, \"skew\": -0.05, \"smile\": 0.01, \"volOfVol\": 0.9, \"spotVolCorrelation\": -0.5}},");
            }

            return rows.ToString();
        }

        var after = Rows(count / 2, count);
        return sample[..at] + Rows(0, count / 2) + sample[at..end] + "," + after.TrimEnd(',') + sample[end..];
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
