namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// One line of the positions file: an account's signed quantity of an instrument, in contracts of
/// <see cref="Multiplier"/> units of the underlying. <see cref="SourceLine"/> is the 1-based line of the input
/// file, kept so that later errors can still name it.
/// </summary>
public sealed record Position(string Account, Instrument Instrument, double Quantity, double Multiplier, int SourceLine = 0)
{
    public InstrumentType Type => Instrument.Type;

    public string Underlying => Instrument.Underlying;

    public double? Strike => Instrument.Strike;

    public DateOnly? Expiry => Instrument.Expiry;

    public OptionRight? Right => Instrument.Right;

    /// <summary>Quantity × multiplier: the number of underlying units one unit of P&amp;L per unit price scales with.</summary>
    public double Notional => Quantity * Multiplier;
}
