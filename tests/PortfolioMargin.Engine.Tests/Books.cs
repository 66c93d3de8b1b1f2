using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>Small hand-made books whose risk has a closed form or an obvious ordering.</summary>
public static class Books
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Expiry = new(2027, 2, 19);

    public static MarketSnapshot Market(params Underlying[] underlyings) =>
        new(AsOf, "USD", 0.03, underlyings, MarketSnapshot.Identity(underlyings.Length));

    public static MarketSnapshot Correlated(double rho, Underlying a, Underlying b) =>
        new(AsOf, "USD", 0.03, [a, b], new[,] { { 1.0, rho }, { rho, 1.0 } });

    public static Underlying Stock(string id, double spot = 100.0, double vol = 0.20) => new(id, spot, 0.0, vol);

    public static Position Spot(string account, string underlying, double quantity) =>
        new(account, Instrument.Of(InstrumentType.Spot, underlying, null, null, null), quantity, 1.0);

    public static Position Future(string account, string underlying, double quantity, double multiplier, DateOnly expiry) =>
        new(account, Instrument.Of(InstrumentType.Future, underlying, null, expiry, null), quantity, multiplier);

    public static Position Option(string account, string underlying, OptionRight right, double strike, double quantity, DateOnly? expiry = null) =>
        new(account, Instrument.Of(InstrumentType.Option, underlying, strike, expiry ?? Expiry, right), quantity, 100.0);

    public static MarginInputs Inputs(MarketSnapshot market, IEnumerable<Position> positions, RiskConfig? config = null, IEnumerable<CollateralHolding>? collateral = null) =>
        new(market, positions.ToList(), (collateral ?? []).ToList(), config ?? new RiskConfig());

    /// <summary>A mixed book over three correlated underlyings: straddles, spreads, hedges and naked options.</summary>
    public static MarginInputs Mixed(RiskConfig? config = null)
    {
        var underlyings = new[]
        {
            new Underlying("AAA", 100.0, 0.01, 0.25, -0.08, 0.02, 0.9, -0.6),
            new Underlying("BBB", 250.0, 0.00, 0.40, -0.05, 0.03, 1.2, -0.5),
            new Underlying("CCC", 40.0, 0.02, 0.18, -0.10, 0.01, 0.6, -0.7),
        };
        var correlation = new[,] { { 1.0, 0.6, 0.3 }, { 0.6, 1.0, 0.4 }, { 0.3, 0.4, 1.0 } };
        var market = new MarketSnapshot(AsOf, "USD", 0.03, underlyings, correlation);
        var soon = new DateOnly(2026, 11, 21);
        var positions = new List<Position>
        {
            Option("A1", "AAA", OptionRight.Call, 100, -5), Option("A1", "AAA", OptionRight.Put, 100, -5),
            Option("A2", "AAA", OptionRight.Call, 100, 5), Option("A2", "AAA", OptionRight.Put, 100, 5),
            Option("A3", "BBB", OptionRight.Call, 260, 10), Option("A3", "BBB", OptionRight.Call, 280, -10),
            Spot("A4", "CCC", 1000), Option("A4", "CCC", OptionRight.Call, 44, -10),
            Spot("A5", "AAA", 500), Future("A5", "BBB", -2, 100, Expiry),
            Option("A6", "BBB", OptionRight.Put, 200, -20), Option("A6", "CCC", OptionRight.Put, 35, -20, soon),
            Option("A7", "AAA", OptionRight.Put, 90, 3), Option("A7", "AAA", OptionRight.Put, 90, 2),
        };
        return Inputs(market, positions, config, [new CollateralHolding("A8", "USD", 1000.0)]);
    }
}
