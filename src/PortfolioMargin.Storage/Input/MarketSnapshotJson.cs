using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The market snapshot file: <c>asOf</c>, <c>currency</c>, <c>rate</c> (continuously compounded, annual),
/// <c>underlyings[]</c> and an optional <c>correlation</c> block (read by <see cref="CorrelationJson"/>).
/// </summary>
internal static class MarketSnapshotJson
{
    public static MarketSnapshot Parse(string text, string fileName)
    {
        using var json = JsonInput.Parse(text, fileName);
        var root = json.RootObject();
        root.RejectUnknownKeys("asOf", "currency", "rate", "underlyings", "correlation");
        var asOf = root.DateTime("asOf");
        var currency = root.Text("currency");
        var rate = root.Number("rate", PlausibilityBounds.Rate);
        var underlyings = ReadUnderlyings(root);
        var correlation = root.Has("correlation")
            ? CorrelationJson.Read(root.Object("correlation"), underlyings)
            : MarketSnapshot.Identity(underlyings.Length);
        return new MarketSnapshot(asOf, currency, rate, underlyings, correlation);
    }

    private static Underlying[] ReadUnderlyings(JsonObjectReader root)
    {
        var elements = root.Array("underlyings");
        if (elements.Count == 0)
        {
            throw root.Error("underlyings", "must list at least one underlying");
        }

        var underlyings = new Underlying[elements.Count];
        var firstIndex = new Dictionary<string, int>(elements.Count, StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(root.PathOf("underlyings"), i);
            underlyings[i] = ReadUnderlying(root.Input.Object(elements[i], path));

            // A set, not a search of the ones before: a snapshot of 20,000 underlyings is 2 × 10^8 comparisons otherwise.
            if (!firstIndex.TryAdd(underlyings[i].Id, i))
            {
                throw root.Input.Error(JsonLineMap.Child(path, "id"), $"duplicate underlying id '{underlyings[i].Id}', already given at underlyings[{firstIndex[underlyings[i].Id]}]");
            }
        }

        return underlyings;
    }

    private static Underlying ReadUnderlying(JsonObjectReader u)
    {
        u.RejectUnknownKeys("id", "spot", "dividendYield", "atmVol", "skew", "smile", "volOfVol", "spotVolCorrelation", "broadBased");
        var id = u.Text("id");
        var spot = u.Number("spot", PlausibilityBounds.Price);
        var dividendYield = u.Number("dividendYield", PlausibilityBounds.DividendYield);
        var atmVol = u.Number("atmVol", PlausibilityBounds.AtmVol);
        var volOfVol = u.Number("volOfVol", 0, PlausibilityBounds.VolOfVol);
        var spotVolCorrelation = u.Number("spotVolCorrelation", 0, PlausibilityBounds.SpotVolCorrelation);
        var skew = u.Number("skew", 0, PlausibilityBounds.SmileCoefficient);
        var smile = u.Number("smile", 0, PlausibilityBounds.SmileCoefficient);
        var broadBased = u.Has("broadBased") && u.Boolean("broadBased");
        return new Underlying(id, spot, dividendYield, atmVol, skew, smile, volOfVol, spotVolCorrelation, broadBased);
    }
}
