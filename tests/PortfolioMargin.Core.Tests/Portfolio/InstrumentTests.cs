using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Tests.Portfolio;

public sealed class InstrumentTests
{
    private static readonly DateOnly Expiry = new(2027, 1, 15);

    [Theory]
    [InlineData(InstrumentType.Spot, 100.0, null, null, "strike")]
    [InlineData(InstrumentType.Spot, null, true, null, "expiry")]
    [InlineData(InstrumentType.Spot, null, null, OptionRight.Call, "right")]
    [InlineData(InstrumentType.Future, 100.0, true, null, "strike")]
    [InlineData(InstrumentType.Future, null, true, OptionRight.Put, "right")]
    [InlineData(InstrumentType.Option, null, true, OptionRight.Call, "strike")]
    [InlineData(InstrumentType.Option, 100.0, null, OptionRight.Call, "expiry")]
    [InlineData(InstrumentType.Option, 100.0, true, null, "right")]
    [InlineData(InstrumentType.Option, 100.0, true, (OptionRight)7, "right")]
    [InlineData((InstrumentType)9, null, null, null, "type")]
    public void An_impossible_combination_of_fields_is_refused_naming_the_field(InstrumentType type, double? strike, bool? hasExpiry, OptionRight? right, string field)
    {
        var error = Assert.Throws<InstrumentFieldException>(() => Instrument.Of(type, "SPX", strike, hasExpiry is true ? Expiry : null, right));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_option_strike_is_a_finite_price_above_zero(double strike) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Instrument.Option("SPX", OptionRight.Call, strike, Expiry));

    [Fact]
    public void The_loose_fields_of_a_possible_instrument_give_the_instrument_its_factory_builds()
    {
        Assert.Equal(Instrument.Spot("SPX"), Instrument.Of(InstrumentType.Spot, "SPX", null, null, null));
        Assert.Equal(Instrument.Future("SPX", Expiry), Instrument.Of(InstrumentType.Future, "SPX", null, Expiry, null));
        Assert.Equal(Instrument.Future("SPX", null), Instrument.Of(InstrumentType.Future, "SPX", null, null, null));
        Assert.Equal(Instrument.Option("SPX", OptionRight.Put, 90, Expiry), Instrument.Of(InstrumentType.Option, "SPX", 90, Expiry, OptionRight.Put));
    }

    [Fact]
    public void Equal_contracts_are_one_key_and_any_differing_field_makes_another()
    {
        var call = Instrument.Option("SPX", OptionRight.Call, 100, Expiry);
        var keys = new HashSet<Instrument>
        {
            call,
            Instrument.Option(new string("SPX".AsSpan()), OptionRight.Call, 100, Expiry),
            Instrument.Option("SPX", OptionRight.Put, 100, Expiry),
            Instrument.Option("SPX", OptionRight.Call, 101, Expiry),
            Instrument.Option("SPX", OptionRight.Call, 100, Expiry.AddDays(1)),
            Instrument.Option("NDX", OptionRight.Call, 100, Expiry),
            Instrument.Spot("SPX"),
            Instrument.Future("SPX", Expiry),
            Instrument.Future("SPX", null),
        };

        Assert.Equal(8, keys.Count);
        Assert.Equal((1.0, -1.0, 0.0), (call.Omega, Instrument.Option("SPX", OptionRight.Put, 100, Expiry).Omega, Instrument.Spot("SPX").Omega));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_instrument_names_its_underlying(string underlying) =>
        Assert.Throws<ArgumentException>(() => Instrument.Spot(underlying));
}
