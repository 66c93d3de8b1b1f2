using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Grains.Abstractions.Surrogates;

/// <summary>A given scenario set travels as its two flat arrays, [underlying · count + scenario].</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.ScenarioSetSurrogate")]
public struct ScenarioSetSurrogate
{
    [Id(0)] public int Count;
    [Id(1)] public double[] Spot;
    [Id(2)] public double[] AtmVol;
}

[RegisterConverter]
public sealed class ScenarioSetConverter : IConverter<ScenarioSet, ScenarioSetSurrogate>
{
    public ScenarioSet ConvertFromSurrogate(in ScenarioSetSurrogate s) => new(s.Count, s.Spot, s.AtmVol);

    public ScenarioSetSurrogate ConvertToSurrogate(in ScenarioSet set) => new()
    {
        Count = set.Count,
        Spot = set.Spot,
        AtmVol = set.AtmVol,
    };
}
