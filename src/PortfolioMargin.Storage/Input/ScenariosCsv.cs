using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A given scenario set (`pm run --scenarios`): header <c>scenario,underlying,spot,atmVol</c>, one row per scenario
/// and underlying, the spot and ATM vol being levels at the horizon. A scenario is a text label; scenarios are
/// numbered in the order their labels first appear, and a scenario's rows need not be adjacent. Every scenario gives
/// every underlying of the snapshot exactly once, so no scenario is priced with a level silently left at today's.
/// Levels are held to the market file's bounds (<see cref="PlausibilityBounds"/>); each error names file, line and column.
/// </summary>
internal static class ScenariosCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["scenario", "underlying", "spot", "atmVol"];

    public static ScenarioSet Parse(string text, string fileName, MarketSnapshot market)
    {
        var records = CsvRecords.Read(text, fileName);
        if (records.Count == 0)
        {
            throw new InputException(fileName, 0, "", $"file is empty; expected the header {string.Join(",", Columns)} and one row per scenario and underlying");
        }

        CsvHeader.Check(records[0].Fields, Columns, fileName, records[0].Line);
        if (records.Count == 1)
        {
            throw new InputException(fileName, 0, "", "file has a header but no scenarios");
        }

        var builder = new SetBuilder(fileName, market);
        foreach (var record in records.Skip(1))
        {
            builder.Add(new TextRow(Columns, record.Fields, fileName, record.Line));
        }

        return builder.Build();
    }

    /// <summary>Collects each scenario's levels by underlying, then checks completeness and lays them out underlying-major.</summary>
    private sealed class SetBuilder(string fileName, MarketSnapshot market)
    {
        private readonly Dictionary<string, int> _underlyings = market.Underlyings
            .Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        private readonly Dictionary<string, int> _scenarios = new(StringComparer.Ordinal);
        private readonly List<Scenario> _ordered = [];

        public void Add(TextRow row)
        {
            var label = row.RequiredText("scenario");
            var id = row.RequiredText("underlying");
            if (!_underlyings.TryGetValue(id, out var u))
            {
                throw row.Error("underlying", $"'{id}' is not in the market snapshot");
            }

            var spot = Checked(row, "spot", PlausibilityBounds.Price);
            var atmVol = Checked(row, "atmVol", PlausibilityBounds.AtmVol);
            if (!_scenarios.TryGetValue(label, out var s))
            {
                s = _ordered.Count;
                _scenarios[label] = s;
                _ordered.Add(new Scenario(label, row.Line, market.Underlyings.Count));
            }

            var scenario = _ordered[s];
            if (scenario.Lines[u] != 0)
            {
                throw row.Error("underlying", $"'{id}' appears twice in scenario '{label}' (lines {scenario.Lines[u]} and {row.Line})");
            }

            scenario.Lines[u] = row.Line;
            scenario.Spot[u] = spot;
            scenario.AtmVol[u] = atmVol;
        }

        public ScenarioSet Build()
        {
            var count = _ordered.Count;
            if (count is < RiskConfig.MinimumPaths or > RiskConfig.MaximumPaths)
            {
                // Each scenario is a path of the run, held to the same bounds as --paths.
                throw new InputException(
                    fileName, 0, "scenario",
                    $"gives {count:N0} scenarios; a run needs from {RiskConfig.MinimumPaths} to {RiskConfig.MaximumPaths:N0} (the bounds of paths)");
            }

            var n = market.Underlyings.Count;
            var spot = new double[(long)n * count];
            var atmVol = new double[(long)n * count];
            for (var s = 0; s < count; s++)
            {
                var scenario = _ordered[s];
                for (var u = 0; u < n; u++)
                {
                    if (scenario.Lines[u] == 0)
                    {
                        throw new InputException(
                            fileName, scenario.FirstLine, "underlying",
                            $"scenario '{scenario.Label}' (first given on this line) has no row for {market.Underlyings[u].Id}; every scenario gives every underlying of the market");
                    }

                    spot[(long)u * count + s] = scenario.Spot[u];
                    atmVol[(long)u * count + s] = scenario.AtmVol[u];
                }
            }

            return new ScenarioSet(count, spot, atmVol);
        }

        private static double Checked(TextRow row, string column, Func<double, string?> bound)
        {
            var value = row.Number(column);
            return bound(value) is { } problem ? throw row.Error(column, problem) : value;
        }

        /// <summary>One scenario's levels by underlying; a line of 0 means that underlying has no row yet.</summary>
        private sealed class Scenario(string label, int firstLine, int underlyings)
        {
            public string Label { get; } = label;

            public int FirstLine { get; } = firstLine;

            public int[] Lines { get; } = new int[underlyings];

            public double[] Spot { get; } = new double[underlyings];

            public double[] AtmVol { get; } = new double[underlyings];
        }
    }
}
