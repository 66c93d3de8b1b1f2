using System.Text.Json;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Core.Input;

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
        return new RiskConfig
        {
            HorizonDays = Check(root, "horizonDays", root.Integer("horizonDays", defaults.HorizonDays), h => h >= 1, "must be >= 1"),
            Confidence = Check(root, "confidence", root.Number("confidence", defaults.Confidence), c => c is >= 0.5 and < 1, "must be in [0.5, 1)"),
            Paths = overrides.Paths ?? Check(root, "paths", root.Integer("paths", defaults.Paths), p => p >= ConfigOverrides.MinimumPaths, $"must be >= {ConfigOverrides.MinimumPaths}"),
            Steps = Check(root, "steps", root.Integer("steps", defaults.Steps), s => s >= 1, "must be >= 1"),
            Seed = overrides.Seed ?? (root.Has("seed") ? ReadSeed(root) : defaults.Seed),
            Innovations = root.Has("innovations") ? ReadInnovations(root) : defaults.Innovations,
            DegreesOfFreedom = Check(root, "degreesOfFreedom", root.Number("degreesOfFreedom", defaults.DegreesOfFreedom), d => d > 2, "must be > 2 (the t variance is finite only then)"),
            PriceMoves = root.Has("priceMoves") ? ReadMoves(root, "priceMoves") : defaults.PriceMoves,
            VolMoves = root.Has("volMoves") ? ReadMoves(root, "volMoves") : defaults.VolMoves,
            MinimumPerContract = Check(root, "minimumPerContract", root.Number("minimumPerContract", defaults.MinimumPerContract), m => m >= 0, "must be >= 0"),
            MaintenanceRatio = Check(root, "maintenanceRatio", root.Number("maintenanceRatio", defaults.MaintenanceRatio), r => r is > 0 and <= 1, "must be in (0, 1]"),
            Haircuts = root.Has("haircuts") ? ReadHaircuts(root.Object("haircuts"), knownAssets) : defaults.Haircuts,
        };
    }

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
        if (elements.Count == 0)
        {
            throw root.Error(name, "must list at least one move");
        }

        var moves = new double[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(root.PathOf(name), i);
            moves[i] = root.Input.Number(elements[i], path);
            if (moves[i] <= -1)
            {
                throw root.Input.Error(path, $"is {moves[i]}, must be > -1");
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
