using PortfolioMargin.Core.Market;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// The market snapshot file: <c>asOf</c>, <c>currency</c>, <c>rate</c> (continuously compounded, annual),
/// <c>underlyings[]</c> and an optional <c>correlation</c> block (read by <see cref="CorrelationJson"/>).
/// </summary>
public static class MarketSnapshotJson
{
    public static MarketSnapshot Parse(string text, string fileName)
    {
        using var json = JsonInput.Parse(text, fileName);
        var root = json.RootObject();
        root.RejectUnknownKeys("asOf", "currency", "rate", "underlyings", "correlation");
        var asOf = root.DateTime("asOf");
        var currency = root.Text("currency");
        var rate = root.Number("rate");
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
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(root.PathOf("underlyings"), i);
            underlyings[i] = ReadUnderlying(root.Input.Object(elements[i], path));
            var first = Array.FindIndex(underlyings, 0, i, u => u.Id == underlyings[i].Id);
            if (first >= 0)
            {
                throw root.Input.Error(JsonLineMap.Child(path, "id"), $"duplicate underlying id '{underlyings[i].Id}', already given at underlyings[{first}]");
            }
        }

        return underlyings;
    }

    private static Underlying ReadUnderlying(JsonObjectReader u)
    {
        u.RejectUnknownKeys("id", "spot", "dividendYield", "atmVol", "skew", "smile", "volOfVol", "spotVolCorrelation");
        var id = u.Text("id");
        var spot = u.Number("spot");
        if (spot <= 0)
        {
            throw u.Error("spot", $"is {spot}, must be > 0");
        }

        var dividendYield = u.Number("dividendYield");
        var atmVol = u.Number("atmVol");
        if (atmVol <= 0)
        {
            throw u.Error("atmVol", $"is {atmVol}, must be > 0");
        }

        var volOfVol = u.Number("volOfVol", 0);
        if (volOfVol < 0)
        {
            throw u.Error("volOfVol", $"is {volOfVol}, must be >= 0");
        }

        var spotVolCorrelation = u.Number("spotVolCorrelation", 0);
        if (spotVolCorrelation is < -1 or > 1)
        {
            throw u.Error("spotVolCorrelation", $"is {spotVolCorrelation}, must be in [-1, 1]");
        }

        return new Underlying(id, spot, dividendYield, atmVol, u.Number("skew", 0), u.Number("smile", 0), volOfVol, spotVolCorrelation);
    }
}
