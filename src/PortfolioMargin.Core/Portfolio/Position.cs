namespace PortfolioMargin.Core.Portfolio;

/// <summary>
/// One line of the positions file. Strike, expiry and right are set for options; expiry is set for futures
/// (a future without an expiry is priced at spot). <see cref="SourceLine"/> is the
/// 1-based line of the input file, kept so that later errors can still name it.
/// </summary>
public sealed record Position(
    string Account,
    InstrumentType Type,
    string Underlying,
    double Quantity,
    double Multiplier,
    double? Strike,
    DateOnly? Expiry,
    OptionRight? Right,
    int SourceLine = 0)
{
    /// <summary>Quantity × multiplier: the number of underlying units one unit of P&L per unit price scales with.</summary>
    public double Notional => Quantity * Multiplier;
}
