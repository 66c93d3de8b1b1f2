using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Grains.Abstractions.Surrogates;

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.RiskConfigSurrogate")]
public struct RiskConfigSurrogate
{
    [Id(0)] public int HorizonDays;
    [Id(1)] public double Confidence;
    [Id(2)] public int Paths;
    [Id(3)] public int Steps;
    [Id(4)] public ulong Seed;
    [Id(5)] public int Innovations;
    [Id(6)] public double DegreesOfFreedom;
    [Id(7)] public double[] PriceMoves;
    [Id(8)] public double[] VolMoves;
    [Id(9)] public double MinimumPerContract;
    [Id(10)] public double MaintenanceRatio;
    [Id(11)] public string[] HaircutAssets;
    [Id(12)] public double[] HaircutFractions;
    [Id(13)] public double FuturesMarginDefault;
    [Id(14)] public string[]? FuturesMarginUnderlyings;
    [Id(15)] public double[]? FuturesMarginFractions;
}

[RegisterConverter]
public sealed class RiskConfigConverter : IConverter<RiskConfig, RiskConfigSurrogate>
{
    public RiskConfig ConvertFromSurrogate(in RiskConfigSurrogate s) => new()
    {
        HorizonDays = s.HorizonDays,
        Confidence = s.Confidence,
        Paths = s.Paths,
        Steps = s.Steps,
        Seed = s.Seed,
        Innovations = (Innovations)s.Innovations,
        DegreesOfFreedom = s.DegreesOfFreedom,
        PriceMoves = s.PriceMoves,
        VolMoves = s.VolMoves,
        MinimumPerContract = s.MinimumPerContract,
        MaintenanceRatio = s.MaintenanceRatio,
        Haircuts = s.HaircutAssets.Zip(s.HaircutFractions).ToDictionary(h => h.First, h => h.Second, StringComparer.Ordinal),

        // A config stored before futures had a strategy-based rate reads back with the default.
        FuturesMargin = s.FuturesMarginDefault == 0
            ? Core.Strategy.FuturesMarginRates.Default
            : new Core.Strategy.FuturesMarginRates(
                s.FuturesMarginDefault,
                (s.FuturesMarginUnderlyings ?? []).Zip(s.FuturesMarginFractions ?? []).ToDictionary(f => f.First, f => f.Second, StringComparer.Ordinal)),
    };

    public RiskConfigSurrogate ConvertToSurrogate(in RiskConfig c) => new()
    {
        HorizonDays = c.HorizonDays,
        Confidence = c.Confidence,
        Paths = c.Paths,
        Steps = c.Steps,
        Seed = c.Seed,
        Innovations = (int)c.Innovations,
        DegreesOfFreedom = c.DegreesOfFreedom,
        PriceMoves = [.. c.PriceMoves],
        VolMoves = [.. c.VolMoves],
        MinimumPerContract = c.MinimumPerContract,
        MaintenanceRatio = c.MaintenanceRatio,
        HaircutAssets = [.. c.Haircuts.Keys],
        HaircutFractions = [.. c.Haircuts.Values],
        FuturesMarginDefault = c.FuturesMargin.DefaultFractionOfNotional,
        FuturesMarginUnderlyings = [.. c.FuturesMargin.FractionOfNotionalByUnderlying.Keys],
        FuturesMarginFractions = [.. c.FuturesMargin.FractionOfNotionalByUnderlying.Values],
    };
}
