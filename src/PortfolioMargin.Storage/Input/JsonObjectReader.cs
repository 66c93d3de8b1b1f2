using System.Globalization;
using System.Text.Json;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Reads one JSON object field by field. Each getter names the field's path in its error, and
/// <see cref="RejectUnknownKeys"/> catches misspelt keys, which would otherwise silently fall back to a default.
/// </summary>
internal sealed class JsonObjectReader(JsonInput input, JsonElement element, string path)
{
    public JsonInput Input { get; } = input;

    public string Path { get; } = path;

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Error(property.Name, $"unknown key; expected one of {string.Join(", ", known)}");
            }
        }
    }

    public IEnumerable<string> Names() => element.EnumerateObject().Select(p => p.Name);

    public bool Has(string name) => element.TryGetProperty(name, out _);

    public string PathOf(string name) => JsonLineMap.Child(Path, name);

    public InputException Error(string name, string problem) => Input.Error(PathOf(name), problem);

    public JsonElement Required(string name) =>
        element.TryGetProperty(name, out var value) ? value : throw Error(name, "missing required key");

    public string Text(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(name, $"must be a string, found {JsonInput.Describe(value)}");
        }

        var text = value.GetString()!;
        return text.Trim().Length > 0 ? text : throw Error(name, "must not be empty");
    }

    public double Number(string name) => Input.Number(Required(name), PathOf(name));

    public double Number(string name, double fallback) => Has(name) ? Number(name) : fallback;

    /// <summary>A number within a bound (one of <see cref="PlausibilityBounds"/>' checks); the bound's problem names this field.</summary>
    public double Number(string name, Func<double, string?> bound) => Bounded(name, Number(name), bound);

    public double Number(string name, double fallback, Func<double, string?> bound) => Bounded(name, Number(name, fallback), bound);

    private double Bounded(string name, double value, Func<double, string?> bound) =>
        bound(value) is { } problem ? throw Error(name, problem) : value;

    public int Integer(string name, int fallback)
    {
        if (!Has(name))
        {
            return fallback;
        }

        var value = Required(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var integer)
            ? integer
            : throw Error(name, $"must be a whole number, found {JsonInput.Describe(value)}");
    }

    public DateTimeOffset DateTime(string name)
    {
        var value = Required(name);

        // TryGetDateTimeOffset enforces ISO 8601; a value without an offset is then read as UTC rather than machine-local time.
        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out _))
        {
            throw Error(name, $"must be an ISO 8601 date-time such as \"2026-11-24T16:00:00Z\", found {JsonInput.Describe(value)}");
        }

        return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>A JSON true or false; a string "true", a number or null is an error naming the field.</summary>
    public bool Boolean(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => throw Error(name, $"must be true or false, found {JsonInput.Describe(value)}"),
        };
    }

    public JsonObjectReader Object(string name) => Input.Object(Required(name), PathOf(name));

    public IReadOnlyList<JsonElement> Array(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToArray()
            : throw Error(name, $"must be an array, found {JsonInput.Describe(value)}");
    }
}
