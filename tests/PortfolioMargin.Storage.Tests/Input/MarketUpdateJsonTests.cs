using PortfolioMargin.Core.Input;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>Intraday update files are read as every JSON input: errors name the file, the line and the path.</summary>
public sealed class MarketUpdateJsonTests
{
    private const string File = "update.json";

    private static string Update(string moves) => $$"""
        {
          "id": "u1",
          "asOf": "2026-11-21T15:30:00Z",
          "underlyings": [
            {{moves}}
          ]
        }
        """;

    [Fact]
    public void An_update_reads_its_id_time_and_moves()
    {
        var update = MarketUpdateJson.Parse(Update("""{ "id": "TSLA", "spot": 304.92 }, { "id": "SPY", "atmVol": 0.2 }"""), File);

        Assert.Equal(("u1", new DateTimeOffset(2026, 11, 21, 15, 30, 0, TimeSpan.Zero)), (update.Id, update.AsOf));
        Assert.Equal([new MarketMove("TSLA", 304.92, null), new MarketMove("SPY", null, 0.2)], update.Moves);
        Assert.Equal((2, 3), (update.IdLine, update.AsOfLine));
    }

    [Theory]
    [InlineData("""{ "id": "TSLA", "spot": 300, "spot": 310 }""", 5, "underlyings[0].spot", "key appears twice")]
    [InlineData("""{ "id": "TSLA", "price": 300 }""", 5, "underlyings[0].price", "unknown key")]
    [InlineData("""{ "id": "TSLA", "atmVol": 1e300 }""", 5, "underlyings[0].atmVol", "must be in (0, 10]")]
    [InlineData("""{ "id": "TSLA" }""", 5, "underlyings[0]", "gives neither spot nor atmVol")]
    public void A_bad_move_names_its_line_and_path(string move, int line, string field, string problem)
    {
        var error = Assert.Throws<InputException>(() => MarketUpdateJson.Parse(Update(move), File));

        Assert.Equal((File, line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Problem);
    }
}
