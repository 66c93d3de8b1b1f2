using System.Text.Json;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The 1-based line of any property or array element of a JSON document, by its path (<c>underlyings[1].spot</c>).
/// JsonDocument keeps no positions, so the line is found by a pass of Utf8JsonReader over the same UTF-8 bytes that
/// counts line feeds, and only when an error asks for one: nothing is kept per token, so a big file costs its
/// bytes and the document, not a path string for every value (a 100 MB snapshot once took 7 GB that way).
/// </summary>
internal sealed class JsonLineMap
{
    private readonly ReadOnlyMemory<byte> _utf8;

    private JsonLineMap(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>
    /// Checks the document for keys given twice in one object (JsonDocument would silently keep one), holding only
    /// the keys of the objects open at each point, and returns the map for later line lookups. Keys are compared
    /// as their UTF-8 bytes where they hold no escapes, and a set is made only for an object with many keys.
    /// </summary>
    public static JsonLineMap Build(ReadOnlyMemory<byte> utf8, string fileName)
    {
        const int LinearKeys = 32;
        var span = utf8.Span;
        var names = new List<(int Start, int Length)>();
        var open = new Stack<(int NamesStart, HashSet<string>? Set, bool IsObject)>();
        var reader = new Utf8JsonReader(span);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open.Push((names.Count, null, reader.TokenType == JsonTokenType.StartObject));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var closed = open.Pop();
                    names.RemoveRange(closed.NamesStart, names.Count - closed.NamesStart);
                    break;
                case JsonTokenType.PropertyName:
                    var (namesStart, set, _) = open.Peek();
                    var start = (int)reader.TokenStartIndex + 1; // past the opening quote
                    var length = reader.ValueSpan.Length;
                    bool seen;
                    if (set is null && !reader.ValueIsEscaped && names.Count - namesStart < LinearKeys)
                    {
                        seen = false;
                        for (var k = namesStart; k < names.Count && !seen; k++)
                        {
                            seen = span.Slice(names[k].Start, names[k].Length).SequenceEqual(reader.ValueSpan);
                        }
                    }
                    else
                    {
                        if (set is null)
                        {
                            // Many keys, or an escaped one: from here on this object's keys are compared as text.
                            set = new HashSet<string>(StringComparer.Ordinal);
                            for (var k = namesStart; k < names.Count; k++)
                            {
                                set.Add(System.Text.Encoding.UTF8.GetString(span.Slice(names[k].Start, names[k].Length)));
                            }

                            open.Pop();
                            open.Push((namesStart, set, true));
                        }

                        seen = !set.Add(reader.GetString()!);
                    }

                    if (seen)
                    {
                        var at = (int)reader.TokenStartIndex;
                        throw new InputException(fileName, LineAt(span, at), PathAt(span, at) ?? reader.GetString()!, "key appears twice");
                    }

                    if (set is null)
                    {
                        names.Add((start, length));
                    }

                    break;
            }
        }

        return new JsonLineMap(utf8);
    }

    /// <summary>The line of the path, or of its nearest ancestor that exists (a missing field is reported at its object).</summary>
    public int LineOf(string path)
    {
        var wanted = new List<string>();
        for (var p = path; ; p = Parent(p))
        {
            wanted.Add(p);
            if (p.Length == 0)
            {
                break;
            }
        }

        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        Walk(_utf8.Span, (tokenPath, start) =>
        {
            if (wanted.Contains(tokenPath) && !found.ContainsKey(tokenPath))
            {
                found[tokenPath] = LineAt(_utf8.Span, start);
            }

            return found.ContainsKey(path);
        });
        return wanted.Select(p => found.TryGetValue(p, out var line) ? line : 0).FirstOrDefault(line => line > 0, 1);
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Element(string path, int index) => $"{path}[{index}]";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private static int LineAt(ReadOnlySpan<byte> utf8, int offset) => 1 + utf8[..offset].Count((byte)'\n');

    /// <summary>The path of the token that starts at <paramref name="offset"/>, or null.</summary>
    private static string? PathAt(ReadOnlySpan<byte> utf8, int offset)
    {
        string? result = null;
        Walk(utf8, (path, start) =>
        {
            if (start == offset)
            {
                result = path;
            }

            return result is not null;
        });
        return result;
    }

    /// <summary>
    /// Visits every property (at its name) and array element (at its value) with its path and start offset, and
    /// the root at ""; stops when <paramref name="visit"/> returns true. Paths are built only along the way.
    /// </summary>
    private static void Walk(ReadOnlySpan<byte> utf8, Func<string, int, bool> visit)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            var top = frames.Count > 0 ? frames[^1] : null;
            string? path = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path = Child(top!.Path, reader.GetString()!);
                    top.PendingValuePath = path;
                    if (visit(path, start))
                    {
                        return;
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    continue;
            }

            // A value: the root, an array element (visited here), or a property's value (visited at its name).
            path = top is null ? "" : top.IsArray ? Element(top.Path, top.NextIndex++) : top.PendingValuePath;
            if ((top is null || top.IsArray) && visit(path, start))
            {
                return;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string PendingValuePath { get; set; } = "";
    }
}
