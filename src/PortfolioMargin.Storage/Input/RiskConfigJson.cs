using System.Text.Json;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The risk config file. Every key is optional and falls back to the <see cref="RiskConfig"/> default;
/// an unknown key is an error, because a misspelt one would otherwise silently run with the default.
/// </summary>
public static class RiskConfigJson
{
    /// <param name="knownAssets">
    /// The currency and underlying ids collateral can be held in; a haircut for anything else is an error, because a
    /// misspelt asset would otherwise silently get no haircut. Null skips the check (the config parsed on its own).
    /// </param>
    /// <param name="overrides">Values given on the command line: read instead of the file's, whose own are then not checked.</param>
    public static RiskConfig Parse(string text, string fileName, IReadOnlySet<string>? knownAssets = null, ConfigOverrides overrides = default)
    {
        using var json = JsonInput.Parse(text, fileName);
        var root = json.RootObject();
        root.RejectUnknownKeys(
            "horizonDays", "confidence", "paths", "steps", "seed", "innovations", "degreesOfFreedom",
            "priceMoves", "volMoves", "minimumPerContract", "maintenanceRatio", "haircuts");
        var defaults = new RiskConfig();
        var config = new RiskConfig
        {
            HorizonDays = Check(root, "horizonDays", root.Integer("horizonDays", defaults.HorizonDays), h => h is >= 1 and <= MaxHorizonDays, $"must be in [1, {MaxHorizonDays}]"),
            Confidence = Check(root, "confidence", root.Number("confidence", defaults.Confidence), c => c is >= 0.5 and < 1, "must be in [0.5, 1)"),
            Paths = overrides.Paths ?? Check(
                root, "paths", root.Integer("paths", defaults.Paths), p => p is >= ConfigOverrides.MinimumPaths and <= ConfigOverrides.MaximumPaths,
                $"must be in [{ConfigOverrides.MinimumPaths}, {ConfigOverrides.MaximumPaths:N0}]"),
            Steps = Check(root, "steps", root.Integer("steps", defaults.Steps), s => s is >= 1 and <= MaxSteps, $"must be in [1, {MaxSteps}]"),
            Seed = overrides.Seed ?? (root.Has("seed") ? ReadSeed(root) : defaults.Seed),
            Innovations = root.Has("innovations") ? ReadInnovations(root) : defaults.Innovations,
            DegreesOfFreedom = Check(root, "degreesOfFreedom", root.Number("degreesOfFreedom", defaults.DegreesOfFreedom), d => d > 2, "must be > 2 (the t variance is finite only then)"),
            PriceMoves = root.Has("priceMoves") ? ReadMoves(root, "priceMoves") : defaults.PriceMoves,
            VolMoves = root.Has("volMoves") ? ReadMoves(root, "volMoves") : defaults.VolMoves,
            MinimumPerContract = Check(root, "minimumPerContract", root.Number("minimumPerContract", defaults.MinimumPerContract), m => m >= 0, "must be >= 0"),
            MaintenanceRatio = Check(root, "maintenanceRatio", root.Number("maintenanceRatio", defaults.MaintenanceRatio), r => r is > 0 and <= 1, "must be in (0, 1]"),
            Haircuts = root.Has("haircuts") ? ReadHaircuts(root.Object("haircuts"), knownAssets) : defaults.Haircuts,
        };

        // The grid is every price move (and the unchanged point) with every vol move, each revalued per instrument.
        var points = (long)(config.PriceMoves.Count + 1) * config.VolMoves.Count;
        return points <= MaxStressPoints
            ? config
            : throw root.Error(root.Has("volMoves") ? "volMoves" : "priceMoves", $"gives a stress grid of {points:N0} points, at most {MaxStressPoints:N0}");
    }

    /// <summary>Ten years: a horizon is days of liquidation, never a decade.</summary>
    public const int MaxHorizonDays = 3_650;

    /// <summary>Sub-steps of the horizon: daily steps over the longest horizon fit, and every one costs a revaluation.</summary>
    public const int MaxSteps = 3_650;

    /// <summary>Points of one stress axis; the grid (price moves + the unchanged point) × vol moves is capped too.</summary>
    public const int MaxMovesPerAxis = 1_000;

    public const int MaxStressPoints = 100_000;

    /// <summary>The largest relative move of a stress axis: +1,000 %.</summary>
    public const double MaxMove = 10.0;

    private static T Check<T>(JsonObjectReader root, string name, T value, Func<T, bool> isValid, string rule) =>
        isValid(value) ? value : throw root.Error(name, $"is {value}, {rule}");

    private static ulong ReadSeed(JsonObjectReader root)
    {
        var value = root.Required("seed");
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed)
            ? seed
            : throw root.Error("seed", $"must be an unsigned 64-bit integer, found {JsonInput.Describe(value)}");
    }

    private static Innovations ReadInnovations(JsonObjectReader root) => root.Text("innovations") switch
    {
        "normal" => Innovations.Normal,
        "student-t" => Innovations.StudentT,
        var other => throw root.Error("innovations", $"'{other}' is not one of normal, student-t"),
    };

    /// <summary>Relative moves: −1 would take a spot or a vol to zero, so each must be above it.</summary>
    private static double[] ReadMoves(JsonObjectReader root, string name)
    {
        var elements = root.Array(name);
        if (elements.Count is 0 or > MaxMovesPerAxis)
        {
            throw root.Error(name, elements.Count == 0 ? "must list at least one move" : $"lists {elements.Count:N0} moves, at most {MaxMovesPerAxis:N0}");
        }

        var moves = new double[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(root.PathOf(name), i);
            moves[i] = root.Input.Number(elements[i], path);
            if (!(moves[i] > -1 && moves[i] <= MaxMove))
            {
                throw root.Input.Error(path, $"is {moves[i]}, must be in (-1, {MaxMove}]");
            }
        }

        return moves;
    }

    private static Dictionary<string, double> ReadHaircuts(JsonObjectReader haircuts, IReadOnlySet<string>? knownAssets)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var asset in haircuts.Names())
        {
            if (knownAssets is not null && !knownAssets.Contains(asset))
            {
                throw haircuts.Error(asset, "is neither the market's currency nor one of its underlyings");
            }

            var haircut = haircuts.Number(asset);
            result[asset] = haircut is >= 0 and < 1
                ? haircut
                : throw haircuts.Error(asset, $"is {haircut}, must be in [0, 1)");
        }

        return result;
    }
}
