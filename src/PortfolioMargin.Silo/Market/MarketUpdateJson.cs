using System.Globalization;
using System.Text.Json;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Grains;

namespace PortfolioMargin.Silo.Market;

/// <summary>
/// An intraday update file: <c>{"id": "...", "asOf": "2026-11-21T15:30:00Z", "underlyings": [{"id": "TSLA",
/// "spot": 305.0, "atmVol": 0.65}]}</c>; each underlying gives spot, atmVol or both. Whether the ids exist is
/// checked by the market data grain against its current snapshot. Errors name the file and the JSON path.
/// </summary>
public static class MarketUpdateJson
{
    public static MarketUpdate Parse(string text, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(fileName, (int)(e.LineNumber ?? -1) + 1, "", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = Object(document.RootElement, "", fileName, "id", "asOf", "underlyings");
            var id = Text(root, "id", "id", fileName);
            var asOf = DateTimeOffset.UtcNow;
            if (root.TryGetProperty("asOf", out var time)
                && !DateTimeOffset.TryParse(time.ValueKind == JsonValueKind.String ? time.GetString() : "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out asOf))
            {
                throw new InputException(fileName, 0, "asOf", "must be an ISO 8601 time, e.g. 2026-11-21T15:30:00Z");
            }

            if (!root.TryGetProperty("underlyings", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw new InputException(fileName, 0, "underlyings", "must be a list moving at least one underlying");
            }

            var moves = list.EnumerateArray().Select((element, i) =>
            {
                var path = $"underlyings[{i}]";
                var move = Object(element, path, fileName, "id", "spot", "atmVol");
                var spot = Number(move, "spot", $"{path}.spot", fileName);
                var vol = Number(move, "atmVol", $"{path}.atmVol", fileName);
                return spot is null && vol is null
                    ? throw new InputException(fileName, 0, path, "give spot, atmVol or both")
                    : new UnderlyingMove(Text(move, "id", $"{path}.id", fileName), spot, vol);
            }).ToArray();
            return new MarketUpdate(id, asOf, moves);
        }
    }

    public static MarketUpdate Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, 0, "", "file not found");
        }
    }

    private static JsonElement Object(JsonElement element, string path, string fileName, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(fileName, 0, path, "must be an object");
        }

        var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !known.Contains(n));
        return unknown is null ? element : throw new InputException(fileName, 0, path, $"unknown key '{unknown}'; expected {string.Join(", ", known)}");
    }

    private static string Text(JsonElement element, string name, string path, string fileName) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new InputException(fileName, 0, path, "must be a non-empty string");

    private static double? Number(JsonElement element, string name, string path, string fileName) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new InputException(fileName, 0, path, "must be a number");
}
