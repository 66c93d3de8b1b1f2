namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Puts one account's legs on one underlying in canonical order and nets holdings of the same instrument (same kind,
/// expiry, strike, multiplier and price), so that the pairing sees the same problem however the input was ordered.
/// </summary>
internal static class NetLegs
{
    public static List<StrategyLeg> Of(IEnumerable<StrategyLeg> legs)
    {
        var sorted = legs.OrderBy(l => l, InstrumentOrder.Instance).ThenBy(l => l.Quantity).ToList();
        var netted = new List<StrategyLeg>();
        foreach (var leg in sorted)
        {
            if (netted.Count > 0 && InstrumentOrder.Instance.Compare(netted[^1], leg) == 0)
            {
                netted[^1] = netted[^1].WithQuantity(netted[^1].Quantity + leg.Quantity);
            }
            else
            {
                netted.Add(leg);
            }
        }

        netted.RemoveAll(l => l.Quantity == 0.0);
        return netted;
    }

    /// <summary>Instrument identity, ordered by kind, expiry, strike, multiplier, price.</summary>
    internal sealed class InstrumentOrder : IComparer<StrategyLeg>
    {
        public static readonly InstrumentOrder Instance = new();

        public int Compare(StrategyLeg? x, StrategyLeg? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var order = x.Kind.CompareTo(y.Kind);
            order = order != 0 ? order : x.Expiry.CompareTo(y.Expiry);
            order = order != 0 ? order : x.Strike.CompareTo(y.Strike);
            order = order != 0 ? order : x.Multiplier.CompareTo(y.Multiplier);
            return order != 0 ? order : x.UnitPrice.CompareTo(y.UnitPrice);
        }
    }
}
