using System.Globalization;
using System.Text;
using Parquet;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Engine;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>
/// The sample book's own simulated horizon levels (its config, one step, <see cref="Paths"/> paths) written as a
/// `--scenarios` file with round-trip formatting, so a run on the file must reproduce the simulated run bit for bit.
/// </summary>
internal static class SimulatedScenarioFile
{
    public const int Paths = 2_000;

    /// <summary>The config `pm run --paths 2000` runs the sample book with.</summary>
    public static RiskConfig SampleConfig()
    {
        var inputs = InputLoader.Load(
            SampleBook.PathOf("market.json"), SampleBook.PathOf("positions.csv"), SampleBook.PathOf("collateral.csv"), SampleBook.PathOf("config.json"));
        Assert.Equal(1, inputs.Config.Steps);
        return inputs.Config with { Paths = Paths };
    }

    public static string Write(string path)
    {
        var market = InputLoader.LoadMarket(SampleBook.PathOf("market.json")).Market;
        var set = SimulatedScenarios.Of(market, SampleConfig());
        var text = new StringBuilder("scenario,underlying,spot,atmVol\n");
        for (var s = 0; s < set.Count; s++)
        {
            for (var u = 0; u < market.Underlyings.Count; u++)
            {
                var at = u * set.Count + s;
                text.Append(CultureInfo.InvariantCulture, $"path-{s},{market.Underlyings[u].Id},{set.Spot[at]:R},{set.AtmVol[at]:R}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Per account, the bits of its initial margin, VaR and ES as accounts.parquet holds them.</summary>
    public static async Task<List<(string Account, long InitialMargin, long ValueAtRisk, long ExpectedShortfall)>> AccountBitsAsync(string folder)
    {
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(folder, Storage.Output.ResultFiles.Accounts));
        var rows = new List<(string, long, long, long)>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var accounts = new string?[group.RowCount];
            await group.ReadAsync(Field(reader, "account"), accounts.AsMemory());
            var columns = new List<double[]>();
            foreach (var name in new[] { "initial_margin", "var", "es" })
            {
                var values = new double[group.RowCount];
                await group.ReadAsync<double>(Field(reader, name), values.AsMemory());
                columns.Add(values);
            }

            for (var i = 0; i < accounts.Length; i++)
            {
                rows.Add((accounts[i]!, BitConverter.DoubleToInt64Bits(columns[0][i]), BitConverter.DoubleToInt64Bits(columns[1][i]), BitConverter.DoubleToInt64Bits(columns[2][i])));
            }
        }

        return rows;
    }

    private static Parquet.Schema.DataField Field(ParquetReader reader, string name) =>
        reader.Schema.GetDataFields().Single(f => f.Name == name);
}
