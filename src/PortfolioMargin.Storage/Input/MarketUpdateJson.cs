using PortfolioMargin.Core.Input;
namespace PortfolioMargin.Storage.Input;

/// <summary>One underlying's intraday move: a new spot, a new ATM vol, or both.</summary>
public sealed record MarketMove(string Underlying, double? Spot, double? AtmVol);

/// <summary>
/// An intraday update as the file gives it: its id, when it was observed, and the moves; with the lines of its
/// <c>id</c> and <c>asOf</c> keys (0 when absent), so a problem only the cluster can find (the id was applied
/// with other moves, the time is before the snapshot's) still names its line.
/// </summary>
public sealed record MarketUpdateFile(string Id, DateTimeOffset AsOf, IReadOnlyList<MarketMove> Moves, int IdLine = 0, int AsOfLine = 0);

/// <summary>
/// An intraday update file: <c>{"id": "...", "asOf": "2026-11-21T15:30:00Z", "underlyings": [{"id": "TSLA",
/// "spot": 305.0, "atmVol": 0.65}]}</c>; each underlying gives spot, atmVol or both, within the market file's
/// plausibility bounds. Read as every JSON input is: unknown and duplicate keys are errors, and each error names
/// the file, the line and the JSON path. Whether the ids exist is checked against the current snapshot when the
/// update is applied.
/// </summary>
public static class MarketUpdateJson
{
    public static MarketUpdateFile Parse(string text, string fileName)
    {
        using var json = JsonInput.Parse(text, fileName);
        var root = json.RootObject();
        root.RejectUnknownKeys("id", "asOf", "underlyings");
        var id = root.Text("id");
        var asOf = root.Has("asOf") ? root.DateTime("asOf") : DateTimeOffset.UtcNow;
        var elements = root.Array("underlyings");
        if (elements.Count == 0)
        {
            throw root.Error("underlyings", "must move at least one underlying");
        }

        var moves = new MarketMove[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(root.PathOf("underlyings"), i);
            var move = json.Object(elements[i], path);
            move.RejectUnknownKeys("id", "spot", "atmVol");
            double? spot = move.Has("spot") ? move.Number("spot", PlausibilityBounds.Price) : null;
            double? vol = move.Has("atmVol") ? move.Number("atmVol", PlausibilityBounds.AtmVol) : null;
            moves[i] = spot is null && vol is null
                ? throw json.Error(path, "gives neither spot nor atmVol; give one or both")
                : new MarketMove(move.Text("id"), spot, vol);
        }

        return new MarketUpdateFile(id, asOf, moves, json.LineOf(root.PathOf("id")), root.Has("asOf") ? json.LineOf(root.PathOf("asOf")) : 0);
    }
}
