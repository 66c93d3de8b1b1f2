using ILGPU.Runtime;
using PortfolioMargin.Core.Risk;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine;

/// <summary>The worst loss over the stress grid and the (price, vol) move that caused it.</summary>
public readonly record struct StressOutcome(double Loss, double PriceMove, double VolMove);

/// <summary>
/// Deterministic stress: every (relative price move, relative ATM-vol move) pair applied to all underlyings at
/// once, revalued instantly (no time decay). It is just another scenario set through the same revaluation and
/// aggregation kernels, with one "path" per grid point.
/// </summary>
internal static class StressGrid
{
    public static StressOutcome[] Run(RiskAccelerator device, DeviceMarket market, DeviceBook book, Core.Market.MarketSnapshot snapshot, RiskConfig config)
    {
        var accelerator = device.Accelerator;
        var points = Points(config);
        var n = snapshot.Underlyings.Count;
        var count = points.Count;
        var spot = new double[n * count];
        var vol = new double[n * count];
        for (var u = 0; u < n; u++)
        {
            for (var s = 0; s < count; s++)
            {
                spot[u * count + s] = snapshot.Underlyings[u].Spot * (1.0 + points[s].PriceMove);
                vol[u * count + s] = snapshot.Underlyings[u].AtmVol * (1.0 + points[s].VolMove);
            }
        }

        var accounts = book.Accounts.Accounts;
        using var spotBuffer = accelerator.Allocate1D(spot);
        using var volBuffer = accelerator.Allocate1D(vol);
        using var tile = accelerator.Allocate1D<double>(Math.Max(1L, (long)book.InstrumentCount * count));
        using var pnl = accelerator.Allocate1D<double>(Math.Max(1L, (long)accounts * count));
        using var unused = accelerator.Allocate1D<double>(1);
        device.RevalueInstruments(tile.View, book.Instruments, market.Smiles,
            new ScenarioView { Spot = spotBuffer.View, AtmVol = volBuffer.View, Paths = count, ValuationYears = 0.0 },
            new RevaluationParameters { Instruments = book.InstrumentCount, Rate = market.Rate });
        device.AggregateAccounts(pnl.View, unused.View, tile.View, book.Accounts,
            new AggregationParameters { ChunkPaths = count, RowPaths = count, FirstPath = 0, WorstMode = 0 });
        device.Synchronize();
        var values = pnl.GetAsArray1D();

        var result = new StressOutcome[accounts];
        for (var a = 0; a < accounts; a++)
        {
            var worst = new StressOutcome(double.NegativeInfinity, 0.0, 0.0);
            for (var s = 0; s < count; s++)
            {
                var loss = -values[(long)a * count + s];
                if (loss > worst.Loss)
                {
                    worst = new StressOutcome(loss, points[s].PriceMove, points[s].VolMove);
                }
            }

            result[a] = worst;
        }

        return result;
    }

    /// <summary>Grid points in price-major order; ties keep the first, so the reported move is deterministic.</summary>
    public static IReadOnlyList<(double PriceMove, double VolMove)> Points(RiskConfig config) =>
        config.PriceMoves.SelectMany(m => config.VolMoves.Select(v => (m, v))).ToList();
}
