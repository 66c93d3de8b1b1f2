using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>The bundled sample book at 2,000 paths: big enough to spread over silos, small enough for CI.</summary>
public static class SampleBook
{
    public const int Paths = 2_000;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static MarginInputs Load()
    {
        var inputs = InputLoader.Load(PathOf("market.json"), PathOf("positions.csv"), PathOf("collateral.csv"), PathOf("config.json"));
        return inputs with { Config = inputs.Config with { Paths = Paths } };
    }

    public static MarginRunRequest Request(MarginInputs inputs, string runId, string outputRoot) => new(
        runId,
        inputs.Market,
        inputs.Config,
        [.. inputs.Positions],
        [.. inputs.Collateral],
        Path.Combine(outputRoot, runId),
        [new RunInput("positions", PathOf("positions.csv"), "")],
        ["cluster-tests"]);

    /// <summary>Underlyings (and collateral assets) each account holds.</summary>
    public static Dictionary<string, HashSet<string>> Holdings(MarginInputs inputs)
    {
        var holdings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (account, asset) in inputs.Positions.Select(p => (p.Account, p.Underlying)).Concat(inputs.Collateral.Select(c => (c.Account, c.Asset))))
        {
            if (!holdings.TryGetValue(account, out var set))
            {
                holdings[account] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(asset);
        }

        return holdings;
    }
}
