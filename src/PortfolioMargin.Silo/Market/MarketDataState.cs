using PortfolioMargin.Grains.Abstractions;

namespace PortfolioMargin.Silo.Market;

[GenerateSerializer]
internal sealed class MarketDataState
{
    [Id(0)] public MarketState? Current { get; set; }

    [Id(1)] public long Version { get; set; }

    /// <summary>Every intraday update applied so far, by id: what it moved, so a repeat is recognised (<see cref="MarketDataGrain"/>).</summary>
    [Id(2)] public Dictionary<string, AppliedUpdate> Applied { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer]
internal sealed record AppliedUpdate([property: Id(0)] string Content, [property: Id(1)] long MarketVersion)
{
    /// <summary>The moves and time of an update as one string: equal exactly when the update is the same.</summary>
    public static string ContentOf(MarketUpdate update) =>
        $"{update.AsOf.UtcTicks}|" + string.Join(";", update.Moves.Select(m =>
            $"{m?.Underlying}:{m?.Spot?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}:{m?.AtmVol?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"));
}
