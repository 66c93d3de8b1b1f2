using System.Text.Json;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Core.Strategy;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The risk config file. Every key is optional and falls back to the <see cref="RiskConfig"/> default;
/// an unknown key is an error, because a misspelt one would otherwise silently run with the default.
/// </summary>
internal static class RiskConfigJson
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
            "priceMoves", "volMoves", "minimumPerContract", "maintenanceRatio", "haircuts", "futuresMarginFraction");
        var defaults = new RiskConfig();
        var config = new RiskConfig
        {
            HorizonDays = root.Integer("horizonDays", defaults.HorizonDays),
            Confidence = root.Number("confidence", defaults.Confidence),
            Paths = overrides.RunPaths ?? root.Integer("paths", defaults.Paths),
            Steps = root.Integer("steps", defaults.Steps),
            Seed = overrides.Seed ?? (root.Has("seed") ? ReadSeed(root) : defaults.Seed),
            Innovations = root.Has("innovations") ? ReadInnovations(root) : defaults.Innovations,
            DegreesOfFreedom = root.Number("degreesOfFreedom", defaults.DegreesOfFreedom),
            PriceMoves = root.Has("priceMoves") ? ReadMoves(root, "priceMoves") : defaults.PriceMoves,
            VolMoves = root.Has("volMoves") ? ReadMoves(root, "volMoves") : defaults.VolMoves,
            MinimumPerContract = root.Number("minimumPerContract", defaults.MinimumPerContract),
            MaintenanceRatio = root.Number("maintenanceRatio", defaults.MaintenanceRatio),
            Haircuts = root.Has("haircuts") ? ReadHaircuts(root.Object("haircuts"), knownAssets) : defaults.Haircuts,
            FuturesMargin = root.Has("futuresMarginFraction") ? ReadFuturesMargin(root, knownAssets) : defaults.FuturesMargin,
        };

        // Refused rather than overridden: a multi-step config says the user meant simulated paths, and run.json
        // should never record a setting the run did not use.
        if (overrides.GivenScenarios is not null && config.Steps != 1)
        {
            throw root.Error("steps", $"is {config.Steps}; a scenario set (--scenarios) gives levels at the horizon, priced in one step: set steps to 1 or leave it out");
        }

        // The config's own rules, reported at the line of the key (or list element, or map entry) they concern.
        return config.FirstProblem() switch
        {
            null => config,
            { Element: { } element } p => throw root.Input.Error(JsonLineMap.Element(root.PathOf(p.Field), element), p.Problem),
            { Key: { } key } p => throw root.Object(p.Field).Error(key, p.Problem),
            var p => throw root.Error(p.Value.Field, p.Value.Problem),
        };
    }

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

    private static double[] ReadMoves(JsonObjectReader root, string name)
    {
        var elements = root.Array(name);
        var moves = new double[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            moves[i] = root.Input.Number(elements[i], JsonLineMap.Element(root.PathOf(name), i));
        }

        return moves;
    }

    /// <summary>A fraction of notional for every future, or an object of a "default" and per-underlying overrides.</summary>
    private static FuturesMarginRates ReadFuturesMargin(JsonObjectReader root, IReadOnlySet<string>? knownAssets)
    {
        const string name = "futuresMarginFraction";
        if (root.Required(name).ValueKind != JsonValueKind.Object)
        {
            return new FuturesMarginRates(Fraction(root, name));
        }

        var fractions = root.Object(name);
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var underlying in fractions.Names().Where(n => n != "default"))
        {
            if (knownAssets is not null && !knownAssets.Contains(underlying))
            {
                throw fractions.Error(underlying, "is not one of the market's underlyings");
            }

            overrides[underlying] = Fraction(fractions, underlying);
        }

        var fallback = fractions.Has("default") ? Fraction(fractions, "default") : FuturesMarginRates.SecurityFuturesFraction;
        return new FuturesMarginRates(fallback, overrides);
    }

    private static double Fraction(JsonObjectReader reader, string name)
    {
        var fraction = reader.Number(name);
        return fraction is > 0 and <= 1 ? fraction : throw reader.Error(name, $"is {fraction}, must be in (0, 1]");
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

            result[asset] = haircuts.Number(asset);
        }

        return result;
    }
}
