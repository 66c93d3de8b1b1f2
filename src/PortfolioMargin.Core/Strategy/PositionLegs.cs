using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// The one place that reads <see cref="Position"/>: turns positions and a unit price for each (premium for an option,
/// spot for spot, futures price for a future, per underlying unit) into legs grouped by account and underlying.
/// Everything else in the strategy library works on <see cref="StrategyLeg"/>.
/// </summary>
public static class PositionLegs
{
    /// <summary>Holdings in order of account, then underlying (ordinal), so the output does not depend on the input order.</summary>
    public static IReadOnlyList<StrategyHolding> Group(IReadOnlyList<Position> positions, IReadOnlyList<double> unitPrices)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(unitPrices);
        if (positions.Count != unitPrices.Count)
        {
            throw new ArgumentException(
                $"{nameof(unitPrices)} has {unitPrices.Count} prices for {positions.Count} positions; it needs one per position.", nameof(unitPrices));
        }

        // Grouped by hash, then the few thousand keys sorted: a sorted tree over every position of a big book
        // spent more on comparisons and nodes than the pairing itself.
        var groups = new Dictionary<(string Account, string Underlying), List<StrategyLeg>>();
        for (var k = 0; k < positions.Count; k++)
        {
            var position = positions[k];
            var key = (position.Account, position.Underlying);
            if (!groups.TryGetValue(key, out var legs))
            {
                legs = [];
                groups[key] = legs;
            }

            legs.Add(ToLeg(position, unitPrices[k]));
        }

        var keys = groups.Keys.ToArray();
        Array.Sort(keys, HoldingOrder.Instance);
        return [.. keys.Select(key => new StrategyHolding(key.Account, key.Underlying, groups[key]))];
    }

    private static StrategyLeg ToLeg(Position position, double unitPrice) => position.Type switch
    {
        InstrumentType.Spot => StrategyLeg.Spot(position.Quantity, unitPrice, position.Multiplier),
        InstrumentType.Future => StrategyLeg.Future(position.Quantity, unitPrice, position.Multiplier, position.Expiry ?? default),
        InstrumentType.Option => new StrategyLeg(
            position.Right == OptionRight.Put ? LegKind.Put : LegKind.Call,
            position.Quantity,
            position.Multiplier,
            unitPrice,
            // An option Instrument always has both.
            position.Strike!.Value,
            position.Expiry!.Value),
        _ => throw new ArgumentException($"Position type {position.Type} on line {position.SourceLine} is not known.", nameof(Position.Type)),
    };

    private sealed class HoldingOrder : IComparer<(string Account, string Underlying)>
    {
        public static readonly HoldingOrder Instance = new();

        public int Compare((string Account, string Underlying) x, (string Account, string Underlying) y)
        {
            var order = string.CompareOrdinal(x.Account, y.Account);
            return order != 0 ? order : string.CompareOrdinal(x.Underlying, y.Underlying);
        }
    }
}
