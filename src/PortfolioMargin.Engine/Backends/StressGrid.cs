using PortfolioMargin.Core.Risk;
using PortfolioMargin.Kernels;

namespace PortfolioMargin.Engine.Backends;

/// <summary>The stress grid through the revaluation and aggregation kernels.</summary>
internal static class StressGrid
{
    public static StressOutcome[] Run(RiskAccelerator device, DeviceMemoryMeter meter, DeviceMarket market, DeviceBook book, RiskConfig config)
    {
        var accelerator = device.Accelerator;
        var grid = StressScenarios.Build(market.Snapshot, config);
        var accounts = book.Accounts.Accounts;
        using var spot = meter.Upload(accelerator, grid.Spot);
        using var vol = meter.Upload(accelerator, grid.AtmVol);
        using var tile = meter.Allocate<double>(accelerator, Math.Max(1L, (long)book.InstrumentCount * grid.Count));
        using var pnl = meter.Allocate<double>(accelerator, Math.Max(1L, (long)accounts * grid.Count));
        using var unused = meter.Allocate<double>(accelerator, 1);
        using var pricing = new DevicePricing(accelerator, meter, book.Layout, book.Layout.PricingAt(market.Snapshot, 0.0));
        device.RevalueInstruments(tile.View, pricing.Table,
            new ScenarioView { Spot = spot.View, AtmVol = vol.View, Paths = grid.Count, ValuationYears = 0.0 });
        device.AggregateAccounts(pnl.View, unused.View, tile.View, book.Accounts,
            new AggregationParameters { ChunkPaths = grid.Count, RowPaths = grid.Count, FirstPath = 0, WorstMode = 0 });
        device.Synchronize();
        return grid.Worst(pnl.GetAsArray1D(), accounts);
    }
}
