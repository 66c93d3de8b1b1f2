using System.Text;
using System.Text.Json;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// A parsed JSON input file that can turn a problem at any path into an <see cref="InputException"/> naming
/// the file, the line and the path. Owns the JsonDocument, so elements read from it live as long as this does.
/// </summary>
internal sealed class JsonInput : IDisposable
{
    private readonly JsonDocument _document;
    private readonly JsonLineMap _lines;

    private JsonInput(JsonDocument document, JsonLineMap lines, string fileName)
    {
        _document = document;
        _lines = lines;
        FileName = fileName;
    }

    public string FileName { get; }

    public static JsonInput Parse(string text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            throw new InputException(fileName, 0, "", "file is empty; expected a JSON object");
        }

        var utf8 = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        try
        {
            var lines = JsonLineMap.Build(utf8, fileName);
            return new JsonInput(JsonDocument.Parse(utf8.AsMemory()), lines, fileName);
        }
        catch (JsonException e)
        {
            // LineNumber is 0-based.
            throw new InputException(fileName, (int)(e.LineNumber ?? -1) + 1, "", $"not valid JSON: {WithoutPosition(e.Message)}");
        }
    }

    public JsonObjectReader RootObject() => Object(_document.RootElement, "");

    public JsonObjectReader Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object
            ? new JsonObjectReader(this, element, path)
            : throw Error(path, $"must be an object, found {Describe(element)}");

    public double Number(JsonElement value, string path)
    {
        // TryGetDouble yields ±∞ for literals like 1e999; the engine only takes finite numbers.
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error(path, $"must be a finite number, found {Describe(value)}");
    }

    public InputException Error(string path, string problem) => new(FileName, _lines.LineOf(path), path, problem);

    /// <summary>The line a key or element starts on, for a problem found after the document is read.</summary>
    public int LineOf(string path) => _lines.LineOf(path);

    public void Dispose() => _document.Dispose();

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    // System.Text.Json ends its messages with "Path: … | LineNumber: …" or "LineNumber: …"; the InputException already says where.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut >= 0 ? cut : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
