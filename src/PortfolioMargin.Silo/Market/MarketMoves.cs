using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

/// <summary>Applies an intraday update to a snapshot, refusing it whole if any part is malformed.</summary>
internal static class MarketMoves
{
    public static MarketSnapshot Apply(MarketSnapshot snapshot, MarketUpdate update)
    {
        Check(snapshot, update);
        var moves = update.Moves.ToDictionary(m => m.Underlying, StringComparer.Ordinal);
        var underlyings = snapshot.Underlyings
            .Select(u => moves.TryGetValue(u.Id, out var m) ? u with { Spot = m.Spot ?? u.Spot, AtmVol = m.AtmVol ?? u.AtmVol } : u)
            .ToArray();

        // The as-of time stays the end-of-day one: option expiries and year fractions are counted from that date.
        return snapshot with { Underlyings = underlyings };
    }

    private static void Check(MarketSnapshot snapshot, MarketUpdate update)
    {
        if (update is null || string.IsNullOrWhiteSpace(update.Id))
        {
            throw new MarginRequestException("market update: field 'id': is empty");
        }

        if (update.Moves is null || update.Moves.Length == 0)
        {
            throw new MarginRequestException($"market update '{update.Id}': field 'underlyings': must move at least one underlying");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < update.Moves.Length; i++)
        {
            var move = update.Moves[i];
            var where = $"market update '{update.Id}': underlyings[{i}]";
            if (move is null || string.IsNullOrWhiteSpace(move.Underlying))
            {
                throw new MarginRequestException($"{where}: field 'id': is empty");
            }

            if (snapshot.IndexOf(move.Underlying) < 0)
            {
                throw new MarginRequestException($"{where}: field 'id': '{move.Underlying}' is not in the market snapshot");
            }

            if (!seen.Add(move.Underlying))
            {
                throw new MarginRequestException($"{where}: field 'id': '{move.Underlying}' is moved twice");
            }

            if (move.Spot is null && move.AtmVol is null)
            {
                throw new MarginRequestException($"{where}: gives neither 'spot' nor 'atmVol'");
            }

            // The market file's bounds: one bad tick is refused whole, and every margin stays as it was.
            if (move.Spot is { } spot && PlausibilityBounds.Price(spot) is { } spotProblem)
            {
                throw new MarginRequestException($"{where}: field 'spot': {spotProblem}");
            }

            if (move.AtmVol is { } vol && PlausibilityBounds.AtmVol(vol) is { } volProblem)
            {
                throw new MarginRequestException($"{where}: field 'atmVol': {volProblem}");
            }
        }
    }
}
