using System.Text;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// Reading a JSON input costs a small multiple of its bytes: the line map behind error messages keeps nothing per
/// token (it once kept a path string for every value: a 100 MB market.json took 7 GB).
/// </summary>
public sealed class JsonMemoryTests
{
    [Fact]
    public void A_large_document_is_read_in_a_small_multiple_of_its_size_and_errors_still_name_their_line()
    {
        // 200,000 small objects, about 10 MB: many tokens per byte, the map's worst case.
        var text = new StringBuilder("{\n  \"rows\": [\n");
        for (var i = 0; i < 200_000; i++)
        {
            text.Append("    {\"id\": \"U").Append(i).Append("\", \"spot\": 100.5, \"vol\": 0.25}").Append(i < 199_999 ? ",\n" : "\n");
        }

        text.Append("  ]\n}\n");
        var json = text.ToString();
        var bytes = Encoding.UTF8.GetByteCount(json);

        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var input = JsonInput.Parse(json, "big.json");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The UTF-8 copy (1×) and JsonDocument's index of 12 bytes a token, grown by doubling (about 4× at this
        // density) are the floor: 6× measured. The map that kept a path per token took 20× here.
        Assert.True(allocated < 8L * bytes, $"{allocated:N0} bytes allocated for a {bytes:N0}-byte document");
        Assert.Equal(3 + 123_456, input.Error("rows[123456].vol", "test").Line);
        Assert.Equal(2, input.Error("rows", "test").Line);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void A_key_given_twice_is_found_among_few_keys_or_many_and_when_written_with_an_escape(int keys)
    {
        var fields = string.Join(",\n", Enumerable.Range(0, keys).Select(i => $"  \"k{i}\": {i}"));

        var plain = Assert.Throws<InputException>(() => JsonInput.Parse($"{{\n{fields},\n  \"k1\": 9\n}}", "dup.json"));
        var escaped = Assert.Throws<InputException>(() => JsonInput.Parse($"{{\n{fields},\n  \"\\u006b1\": 9\n}}", "dup.json"));

        Assert.Equal((keys + 2, "k1", "key appears twice"), (plain.Line, plain.Field, plain.Problem));
        Assert.Equal((keys + 2, "key appears twice"), (escaped.Line, escaped.Problem));
        using var fine = JsonInput.Parse($"{{\n{fields},\n  \"nested\": {{ \"k1\": 1 }}\n}}", "ok.json");
    }
}
