using System.Text.Json;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Cli.Tests.Run;

/// <summary>The `--json` document's positions: under their account, in file order, every field, nulls where nothing applies.</summary>
public sealed class AccountJsonTests
{
    private static readonly string[] PositionFields =
        ["line", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right", "value", "delta", "gamma", "vega", "theta",
            "esContribution", "stressContribution", "incrementalEs"];

    private static AccountMargin Account(string id) =>
        new(id, new TailRisk(1, 2, 0.1), null, new StressOutcome(3, -0.15, 0.25),
            new MarginRequirement(0.5, 3, 2.4, 10, AccountStatus.Healthy), new AccountEquity(13, 0), new CurrencyGreeks(1, 2, 3, 4), 5);

    private static PositionRisk Risk(string account, Instrument instrument, int line, PositionAttribution? attribution) =>
        new(new Position(account, instrument, -3, instrument.Type == InstrumentType.Spot ? 1 : 100, line), 2.5, -750, -30, 0.5, -12.25, 4.75, attribution);

    [Fact]
    public void Each_account_holds_its_positions_in_file_order_with_every_field()
    {
        var expiry = new DateOnly(2027, 1, 15);
        PositionRisk[] positions =
        [
            Risk("B", Instrument.Option("SPY", OptionRight.Put, 480, expiry), 2, new PositionAttribution(1200.5, 1800.25, 950)),
            Risk("A", Instrument.Spot("SPY"), 3, new PositionAttribution(-400, -600.5, -1250.75)),
            Risk("B", Instrument.Future("ES", null), 4, null),
            Risk("B", Instrument.Spot("QQQ"), 5, new PositionAttribution(0, 0, 0)),
        ];

        using var document = JsonDocument.Parse(AccountJson.Serialize([Account("A"), Account("B"), Account("C")], positions));

        var accounts = document.RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "C"], accounts.Select(a => a.GetProperty("account").GetString()));
        Assert.Equal("positions", accounts[0].EnumerateObject().Last().Name);
        var a = accounts[0].GetProperty("positions").EnumerateArray().ToList();
        var b = accounts[1].GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(0, accounts[2].GetProperty("positions").GetArrayLength()); // collateral only: an empty list
        Assert.Equal([3], a.Select(p => p.GetProperty("line").GetInt32()));
        Assert.Equal([2, 4, 5], b.Select(p => p.GetProperty("line").GetInt32()));
        Assert.All(a.Concat(b), p => Assert.Equal(PositionFields, p.EnumerateObject().Select(f => f.Name)));

        var put = b[0];
        Assert.Equal("option", put.GetProperty("type").GetString());
        Assert.Equal("SPY", put.GetProperty("underlying").GetString());
        Assert.Equal(-3, put.GetProperty("quantity").GetDouble());
        Assert.Equal(100, put.GetProperty("multiplier").GetDouble());
        Assert.Equal(480, put.GetProperty("strike").GetDouble());
        Assert.Equal("2027-01-15", put.GetProperty("expiry").GetString());
        Assert.Equal("put", put.GetProperty("right").GetString());
        Assert.Equal(
            [-750, -30, 0.5, -12.25, 4.75, 1200.5, 1800.25, 950],
            new[] { "value", "delta", "gamma", "vega", "theta", "esContribution", "stressContribution", "incrementalEs" }.Select(f => put.GetProperty(f).GetDouble()));

        // A hedge's loss terms are negative; a future without an expiry and without an attribution is all nulls there.
        Assert.Equal(-1250.75, a[0].GetProperty("incrementalEs").GetDouble());
        Assert.Equal("spot", a[0].GetProperty("type").GetString());
        var future = b[1];
        Assert.Equal("future", future.GetProperty("type").GetString());
        Assert.All(
            ["strike", "expiry", "right", "esContribution", "stressContribution", "incrementalEs"],
            f => Assert.Equal(JsonValueKind.Null, future.GetProperty(f).ValueKind));
        Assert.All(["strike", "expiry", "right"], f => Assert.Equal(JsonValueKind.Null, a[0].GetProperty(f).ValueKind));
    }
}
