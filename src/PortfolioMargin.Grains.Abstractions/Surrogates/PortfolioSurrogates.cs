using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Grains.Abstractions.Surrogates;

// Core's records stay free of Orleans: these surrogates carry them across the wire. Enums travel as their
// numeric codes and dates as day numbers, so the wire format does not depend on codecs for foreign types.

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.PositionSurrogate")]
public struct PositionSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public int Type;
    [Id(2)] public string Underlying;
    [Id(3)] public double Quantity;
    [Id(4)] public double Multiplier;
    [Id(5)] public double? Strike;
    [Id(6)] public int? ExpiryDayNumber;
    [Id(7)] public int? Right;
    [Id(8)] public int SourceLine;
}

[RegisterConverter]
public sealed class PositionConverter : IConverter<Position, PositionSurrogate>
{
    /// <summary>
    /// A message whose instrument fields do not fit together (a spot with a strike, an option without an expiry)
    /// cannot become a Position: it fails here, naming the field, before any grain sees it.
    /// </summary>
    public Position ConvertFromSurrogate(in PositionSurrogate s) => new(
        s.Account,
        Instrument.Of((InstrumentType)s.Type, s.Underlying, s.Strike, s.ExpiryDayNumber is { } day ? DateOnly.FromDayNumber(day) : null, (OptionRight?)s.Right),
        s.Quantity, s.Multiplier, s.SourceLine);

    public PositionSurrogate ConvertToSurrogate(in Position p) => new()
    {
        Account = p.Account,
        Type = (int)p.Type,
        Underlying = p.Underlying,
        Quantity = p.Quantity,
        Multiplier = p.Multiplier,
        Strike = p.Strike,
        ExpiryDayNumber = p.Expiry?.DayNumber,
        Right = (int?)p.Right,
        SourceLine = p.SourceLine,
    };
}

[GenerateSerializer, Alias("PortfolioMargin.Grains.Surrogates.CollateralHoldingSurrogate")]
public struct CollateralHoldingSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public string Asset;
    [Id(2)] public double Amount;
    [Id(3)] public int SourceLine;
}

[RegisterConverter]
public sealed class CollateralHoldingConverter : IConverter<CollateralHolding, CollateralHoldingSurrogate>
{
    public CollateralHolding ConvertFromSurrogate(in CollateralHoldingSurrogate s) => new(s.Account, s.Asset, s.Amount, s.SourceLine);

    public CollateralHoldingSurrogate ConvertToSurrogate(in CollateralHolding c) =>
        new() { Account = c.Account, Asset = c.Asset, Amount = c.Amount, SourceLine = c.SourceLine };
}
