using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli.Tests.Process;

/// <summary>
/// A positions file far larger than its book runs in memory that follows the book: a 400 MB CSV of three positions
/// (padded with whitespace-only lines, which the format allows) is priced by a process whose GC heap is held to
/// 320 MB. Read whole, as before, the file alone took 1.2 GB (its bytes and their text) and the run stopped with
/// an OutOfMemoryException.
/// </summary>
public sealed class LargeInputProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-large-input-").FullName;

    [Fact]
    public void A_400_MB_positions_file_of_three_positions_runs_under_a_320_MB_heap_limit()
    {
        var positions = Path.Combine(_folder, "positions.csv");
        WritePadded(positions, 400);
        var output = Path.Combine(_folder, "run");
        var limit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x14000000" };

        var (exit, stdout, stderr) = PmProcess.RunWithEnvironment(_folder, limit,
            "run", "--direct", "--device", "host", "--paths", "1000", "--quiet", "--market", SampleBook.PathOf("market.json"),
            "--positions", positions, "--out", output);

        Assert.True(exit == 0, stderr);
        Assert.Contains("accounts: 3", stdout, StringComparison.Ordinal);

        // The record's hash is of every byte, though the text was never held whole.
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(output, ResultFiles.RunRecord)))!;
        var input = record["inputs"]!.AsArray().Single(i => i!["role"]!.GetValue<string>() == "positions")!;
        using var file = File.OpenRead(positions);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), input["sha256"]!.GetValue<string>());
    }

    /// <summary>A header, two positions, <paramref name="megabytes"/> MB of whitespace-only lines, and a third position.</summary>
    private static void WritePadded(string path, int megabytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(Encoding.UTF8.GetBytes("account,type,underlying,quantity,multiplier,strike,expiry,right\nA1,spot,SPY,100,,,,\nA2,spot,QQQ,-50,,,,\n"));
        var padding = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(new string(' ', 199) + "\n", 5_000)));
        for (var k = 0; k < megabytes; k++)
        {
            file.Write(padding);
        }

        file.Write(Encoding.UTF8.GetBytes("A3,spot,SPY,10,,,,\n"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
