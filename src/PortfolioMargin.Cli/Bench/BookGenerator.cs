using System.Globalization;
using System.Text;
using System.Text.Json;
using PortfolioMargin.Core.Random;

namespace PortfolioMargin.Cli.Bench;

/// <summary>The named benchmark sizes: accounts, positions per account, underlyings, paths.</summary>
internal sealed record BookSize(int Accounts, int PositionsPerAccount, int Underlyings, int Paths)
{
    public static readonly BookSize S = new(200, 20, 8, 10_000);
    public static readonly BookSize M = new(2_000, 100, 50, 100_000);
    public static readonly BookSize L = new(100_000, 100, 200, 100_000);

    public static BookSize? Named(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        _ => null,
    };
}

/// <summary>
/// `pm bench generate`: the benchmark books S, M and L (benchmarks/peers/book.py writes the same recipe in numpy), written by the engine itself so that a
/// machine without Python (the GPU machine) can make the L book (half a gigabyte of CSV) where it runs. Same
/// sizes and the same recipe (one-factor correlated underlyings; each account trades options, futures and spot
/// on five home underlyings), drawn from Philox keyed by (seed, account, position, field), so a book is the same
/// on every machine and however many threads write it. The draws differ from numpy's, so the books are
/// equivalent to book.py's, not byte-identical.
/// </summary>
internal static class BookGenerator
{
    private const uint Stream = 7;
    private const int HomeUnderlyings = 5;
    private static readonly string[] Expiries = ["2026-12-18", "2027-01-15", "2027-02-19", "2027-03-19", "2027-06-18", "2027-12-17"];

    public static void Write(string folder, BookSize size, ulong seed = 11)
    {
        Directory.CreateDirectory(folder);
        var spots = new double[size.Underlyings];
        var vols = new double[size.Underlyings];
        var betas = new double[size.Underlyings];
        for (var u = 0; u < size.Underlyings; u++)
        {
            spots[u] = Math.Round(20 + (480 * Draw(seed, 0, (uint)u, 0)), 2);
            vols[u] = Math.Round(0.15 + (0.65 * Draw(seed, 0, (uint)u, 1)), 3);
            betas[u] = 0.3 + (0.6 * Draw(seed, 0, (uint)u, 2));
        }

        WriteMarket(Path.Combine(folder, "market.json"), spots, vols, betas);
        WritePositions(Path.Combine(folder, "positions.csv"), size, seed, spots);
        File.WriteAllText(Path.Combine(folder, "collateral.csv"), "account,asset,amount\n");
        File.WriteAllText(Path.Combine(folder, "config.json"), $"{{\"paths\": {size.Paths}, \"horizonDays\": 2, \"confidence\": 0.99, \"seed\": 1}}\n");
    }

    private static double Draw(ulong seed, uint account, uint position, uint field) =>
        CounterNormals.UniformAt(seed, account, position, Stream, field);

    private static string Id(int underlying) => $"U{underlying:D3}";

    private static void WriteMarket(string path, double[] spots, double[] vols, double[] betas)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("asOf", "2026-11-20T21:00:00Z");
        json.WriteString("currency", "USD");
        json.WriteNumber("rate", 0.03);
        json.WriteStartArray("underlyings");
        for (var u = 0; u < spots.Length; u++)
        {
            json.WriteStartObject();
            json.WriteString("id", Id(u));
            json.WriteNumber("spot", spots[u]);
            json.WriteNumber("dividendYield", 0.01);
            json.WriteNumber("atmVol", vols[u]);
            json.WriteNumber("skew", -0.05);
            json.WriteNumber("smile", 0.02);
            json.WriteNumber("volOfVol", 1.0);
            json.WriteNumber("spotVolCorrelation", -0.6);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // One common factor: ρ_ij = β_i β_j, positive definite because every β is below one.
        json.WriteStartObject("correlation");
        json.WriteStartArray("ids");
        for (var u = 0; u < spots.Length; u++)
        {
            json.WriteStringValue(Id(u));
        }

        json.WriteEndArray();
        json.WriteStartArray("matrix");
        for (var i = 0; i < spots.Length; i++)
        {
            json.WriteStartArray();
            for (var j = 0; j < spots.Length; j++)
            {
                json.WriteNumberValue(i == j ? 1.0 : Math.Round(betas[i] * betas[j], 4));
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Blocks of accounts are formatted in parallel and written in account order.</summary>
    private static void WritePositions(string path, BookSize size, ulong seed, double[] spots)
    {
        const int AccountsPerBlock = 2_000;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("account,type,underlying,quantity,multiplier,strike,expiry,right\n");
        var blocks = (size.Accounts + AccountsPerBlock - 1) / AccountsPerBlock;
        const int InFlight = 8;
        for (var first = 0; first < blocks; first += InFlight)
        {
            var texts = new string[Math.Min(InFlight, blocks - first)];
            Parallel.For(0, texts.Length, b =>
            {
                var text = new StringBuilder();
                var start = (first + b) * AccountsPerBlock;
                for (var a = start; a < Math.Min(size.Accounts, start + AccountsPerBlock); a++)
                {
                    AppendAccount(text, (uint)a, size, seed, spots);
                }

                texts[b] = text.ToString();
            });
            foreach (var text in texts)
            {
                writer.Write(text);
            }
        }
    }

    private static void AppendAccount(StringBuilder text, uint a, BookSize size, ulong seed, double[] spots)
    {
        var account = $"ACC{a:D6}";
        var home = HomeOf(a, size.Underlyings, seed);
        var inv = CultureInfo.InvariantCulture;
        for (var p = 0; p < size.PositionsPerAccount; p++)
        {
            // Field 0 of position p + 1: position 0 of every account draws its home underlyings.
            var row = (uint)p + 1;
            var u = home[(int)(Draw(seed, a, row, 0) * home.Length)];
            var kind = Draw(seed, a, row, 1);
            var quantity = (int)Math.Floor(Draw(seed, a, row, 2) * 41) - 20;
            quantity = quantity == 0 ? 1 : quantity;
            var expiry = Expiries[(int)(Draw(seed, a, row, 3) * Expiries.Length)];
            if (kind < 0.1)
            {
                text.Append(inv, $"{account},spot,{Id(u)},{quantity * 100},1,,,\n");
            }
            else if (kind < 0.2)
            {
                text.Append(inv, $"{account},future,{Id(u)},{quantity},100,,{expiry},\n");
            }
            else
            {
                // Thirteen strikes from 70% to 130% of spot.
                var relative = 0.7 + (0.05 * (int)(Draw(seed, a, row, 4) * 13));
                var strike = Math.Round(spots[u] * relative, 2);
                var right = Draw(seed, a, row, 5) < 0.5 ? "call" : "put";
                text.Append(inv, $"{account},option,{Id(u)},{quantity},100,{strike},{expiry},{right}\n");
            }
        }
    }

    /// <summary>Five distinct underlyings by a partial Fisher–Yates shuffle.</summary>
    private static int[] HomeOf(uint account, int underlyings, ulong seed)
    {
        var pool = Enumerable.Range(0, underlyings).ToArray();
        var count = Math.Min(HomeUnderlyings, underlyings);
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)(Draw(seed, account, 0, (uint)i) * (underlyings - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
