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

/// <summary>
/// The correlation matrix travels as its entries that differ from the identity, [row·size + column] with their
/// values, where that is the smaller form (a market of thousands of underlyings with a correlation block over a
/// few: a dense 20,000² matrix is 3.2 GB), else row-major in one flat array (the only form before the sparse one,
/// which an older message still reads as). Both are exact: every entry comes back bit for bit.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.MarketSnapshotSurrogate")]
public struct MarketSnapshotSurrogate
{
    [Id(0)] public DateTimeOffset AsOf;
    [Id(1)] public string Currency;
    [Id(2)] public double Rate;
    [Id(3)] public Underlying[] Underlyings;
    [Id(4)] public double[]? CorrelationRowMajor;
    [Id(5)] public long[]? CorrelationEntryIndex;
    [Id(6)] public double[]? CorrelationEntryValue;
}

[RegisterConverter]
public sealed class MarketSnapshotConverter : IConverter<MarketSnapshot, MarketSnapshotSurrogate>
{
    public MarketSnapshot ConvertFromSurrogate(in MarketSnapshotSurrogate s)
    {
        var size = s.Underlyings.Length;
        if (s.CorrelationRowMajor is { } dense)
        {
            var correlation = new double[size, size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    correlation[i, j] = dense[(long)i * size + j];
                }
            }

            return new MarketSnapshot(s.AsOf, s.Currency, s.Rate, s.Underlyings, correlation);
        }

        var sparse = MarketSnapshot.Identity(size);
        var index = s.CorrelationEntryIndex ?? [];
        var value = s.CorrelationEntryValue ?? [];
        for (var k = 0; k < index.Length; k++)
        {
            sparse[index[k] / size, index[k] % size] = value[k];
        }

        return new MarketSnapshot(s.AsOf, s.Currency, s.Rate, s.Underlyings, sparse);
    }

    public MarketSnapshotSurrogate ConvertToSurrogate(in MarketSnapshot m)
    {
        var surrogate = new MarketSnapshotSurrogate
        {
            AsOf = m.AsOf,
            Currency = m.Currency,
            Rate = m.Rate,
            Underlyings = [.. m.Underlyings],
        };
        var size = m.Correlation.GetLength(0);

        // An entry costs two numbers sparse, one dense: sparse only while fewer than half of them are not the identity's.
        if (CorrelationEntries.Of(m.Correlation) is { } entries)
        {
            surrogate.CorrelationEntryIndex = entries.Index;
            surrogate.CorrelationEntryValue = entries.Value;
        }
        else
        {
            var dense = new double[(long)size * size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    dense[(long)i * size + j] = m.Correlation[i, j];
                }
            }

            surrogate.CorrelationRowMajor = dense;
        }

        return surrogate;
    }
}
