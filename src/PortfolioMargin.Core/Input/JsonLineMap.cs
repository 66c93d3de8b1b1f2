using System.Text.Json;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// The 1-based line of every property and array element of a JSON document, keyed by its path
/// (<c>underlyings[1].spot</c>). JsonDocument keeps no positions, so one pass of Utf8JsonReader over the same
/// UTF-8 bytes counts the line feeds before each token's start.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    /// <summary>Builds the map; a key given twice in one object is an error, since JsonDocument would silently keep one.</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, string fileName)
    {
        var map = new JsonLineMap();
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8);
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += utf8[counted..start].Count((byte)'\n');
            counted = start;
            var top = frames.Count > 0 ? frames[^1] : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var path = Child(top!.Path, reader.GetString()!);
                    if (!map.lines.TryAdd(path, line))
                    {
                        throw new InputException(fileName, line, path, "key appears twice");
                    }

                    top.PendingValuePath = path;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    frames.Add(new Frame(map.ValuePath(top, line), reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    map.ValuePath(top, line);
                    break;
            }
        }

        return map;
    }

    /// <summary>The line of the path, or of its nearest ancestor that exists (a missing field is reported at its object).</summary>
    public int LineOf(string path)
    {
        while (true)
        {
            if (lines.TryGetValue(path, out var line))
            {
                return line;
            }

            if (path.Length == 0)
            {
                return 1;
            }

            path = Parent(path);
        }
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Element(string path, int index) => $"{path}[{index}]";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    /// <summary>The path of the value token just read; array elements are recorded here, properties at their name.</summary>
    private string ValuePath(Frame? top, int line)
    {
        if (top is null)
        {
            lines.TryAdd("", line);
            return "";
        }

        if (!top.IsArray)
        {
            return top.PendingValuePath;
        }

        var path = Element(top.Path, top.NextIndex++);
        lines.TryAdd(path, line);
        return path;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string PendingValuePath { get; set; } = "";
    }
}
