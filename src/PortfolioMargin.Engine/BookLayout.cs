using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Engine;

/// <summary>
/// A batch of accounts laid out for the kernels: the distinct instruments they hold (each revalued once per
/// path, however many positions share it) and, per account, compressed rows of (instrument, quantity × multiplier)
/// in positions-file order. Host arrays only; <see cref="DeviceBook"/> uploads them.
/// </summary>
public sealed class BookLayout
{
    private BookLayout(
        IReadOnlyList<string> accounts, int[] type, int[] underlyingIndex, double[] omega, double[] strike,
        double[] expiryYears, double[] baseValue, int[] accountStart, int[] entryInstrument, double[] entryWeight)
    {
        Accounts = accounts;
        Type = type;
        UnderlyingIndex = underlyingIndex;
        Omega = omega;
        Strike = strike;
        ExpiryYears = expiryYears;
        BaseValue = baseValue;
        AccountStart = accountStart;
        EntryInstrument = entryInstrument;
        EntryWeight = entryWeight;
    }

    public IReadOnlyList<string> Accounts { get; }

    public int InstrumentCount => Type.Length;

    public int[] Type { get; }

    public int[] UnderlyingIndex { get; }

    public double[] Omega { get; }

    public double[] Strike { get; }

    public double[] ExpiryYears { get; }

    public double[] BaseValue { get; }

    public int[] AccountStart { get; }

    public int[] EntryInstrument { get; }

    public double[] EntryWeight { get; }

    /// <summary>
    /// Every instrument's pricing constants at a valuation date <paramref name="valuationYears"/> after the
    /// snapshot (0 for an instant stress): prepared once per batch and date, used by every path.
    /// </summary>
    public PricingTerms[] PricingAt(MarketSnapshot market, double valuationYears)
    {
        var terms = new PricingTerms[InstrumentCount];
        for (var i = 0; i < terms.Length; i++)
        {
            var u = market.Underlyings[UnderlyingIndex[i]];
            terms[i] = PricingTerms.Prepare(Type[i], Omega[i], Strike[i], ExpiryYears[i] - valuationYears, market.Rate, u.DividendYield, u.Skew, u.Smile);
        }

        return terms;
    }

    /// <summary>
    /// Lays out the given accounts (in that order). <paramref name="positionsByAccount"/> holds each account's
    /// positions in file order; accounts without positions get empty rows (zero P&amp;L on every path).
    /// </summary>
    public static BookLayout Build(
        MarketSnapshot market, IReadOnlyList<string> accounts, IReadOnlyDictionary<string, List<Position>> positionsByAccount)
    {
        var index = new Dictionary<Instrument, int>();
        var underlyingIndex = market.IndexById();
        var type = new List<int>();
        var underlying = new List<int>();
        var omega = new List<double>();
        var strike = new List<double>();
        var expiry = new List<double>();
        var baseValue = new List<double>();
        var start = new int[accounts.Count + 1];
        var entries = accounts.Sum(a => positionsByAccount.TryGetValue(a, out var held) ? held.Count : 0);
        var entryInstrument = new List<int>(entries);
        var entryWeight = new List<double>(entries);

        for (var a = 0; a < accounts.Count; a++)
        {
            start[a] = entryInstrument.Count;
            if (!positionsByAccount.TryGetValue(accounts[a], out var positions))
            {
                continue;
            }

            foreach (var position in positions)
            {
                var key = position.Instrument;
                if (!index.TryGetValue(key, out var instrument))
                {
                    instrument = type.Count;
                    index.Add(key, instrument);
                    var at = underlyingIndex[key.Underlying];
                    var u = market.Underlyings[at];
                    var years = key.Expiry is { } day ? (day.DayNumber - market.AsOfDate.DayNumber) / DayCount.DaysPerYear : 0.0;
                    var strikePrice = key.Strike ?? 0.0;
                    type.Add((int)key.Type);
                    underlying.Add(at);
                    omega.Add(key.Omega);
                    strike.Add(strikePrice);
                    expiry.Add(years);
                    baseValue.Add(InstrumentPricer.UnitValue(
                        (int)key.Type, key.Omega, strikePrice, years, u.Spot, u.AtmVol, u.Skew, u.Smile, market.Rate, u.DividendYield));
                }

                entryInstrument.Add(instrument);
                entryWeight.Add(position.Notional);
            }
        }

        start[accounts.Count] = entryInstrument.Count;
        return new BookLayout(
            accounts, [.. type], [.. underlying], [.. omega], [.. strike], [.. expiry], [.. baseValue],
            start, [.. entryInstrument], [.. entryWeight]);
    }
}
