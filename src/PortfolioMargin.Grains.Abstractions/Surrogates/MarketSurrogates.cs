using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Grains.Abstractions.Surrogates;

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.UnderlyingSurrogate")]
public struct UnderlyingSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public double Spot;
    [Id(2)] public double DividendYield;
    [Id(3)] public double AtmVol;
    [Id(4)] public double Skew;
    [Id(5)] public double Smile;
    [Id(6)] public double VolOfVol;
    [Id(7)] public double SpotVolCorrelation;
    [Id(8)] public bool BroadBased;
}

[RegisterConverter]
public sealed class UnderlyingConverter : IConverter<Underlying, UnderlyingSurrogate>
{
    public Underlying ConvertFromSurrogate(in UnderlyingSurrogate s) =>
        new(s.Id, s.Spot, s.DividendYield, s.AtmVol, s.Skew, s.Smile, s.VolOfVol, s.SpotVolCorrelation, s.BroadBased);

    public UnderlyingSurrogate ConvertToSurrogate(in Underlying u) => new()
    {
        Id = u.Id,
        Spot = u.Spot,
        DividendYield = u.DividendYield,
        AtmVol = u.AtmVol,
        Skew = u.Skew,
        Smile = u.Smile,
        VolOfVol = u.VolOfVol,
        SpotVolCorrelation = u.SpotVolCorrelation,
        BroadBased = u.BroadBased,
    };
}

/// <summary>The correlation matrix travels row-major in one flat array.</summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.MarketSnapshotSurrogate")]
public struct MarketSnapshotSurrogate
{
    [Id(0)] public DateTimeOffset AsOf;
    [Id(1)] public string Currency;
    [Id(2)] public double Rate;
    [Id(3)] public Underlying[] Underlyings;
    [Id(4)] public double[] CorrelationRowMajor;
}

[RegisterConverter]
public sealed class MarketSnapshotConverter : IConverter<MarketSnapshot, MarketSnapshotSurrogate>
{
    public MarketSnapshot ConvertFromSurrogate(in MarketSnapshotSurrogate s)
    {
        var size = s.Underlyings.Length;
        var correlation = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                correlation[i, j] = s.CorrelationRowMajor[i * size + j];
            }
        }

        return new MarketSnapshot(s.AsOf, s.Currency, s.Rate, s.Underlyings, correlation);
    }

    public MarketSnapshotSurrogate ConvertToSurrogate(in MarketSnapshot m) => new()
    {
        AsOf = m.AsOf,
        Currency = m.Currency,
        Rate = m.Rate,
        Underlyings = [.. m.Underlyings],
        CorrelationRowMajor = m.Correlation.Cast<double>().ToArray(),
    };
}
