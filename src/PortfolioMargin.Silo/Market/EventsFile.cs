using PortfolioMargin.Grains;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Market;

/// <summary>
/// events.parquet: one row per margin call or liquidation. Parquet files cannot be appended to, so each append
/// rewrites the file beside itself and renames it into place: a reader sees the old file or the new one, never half.
/// </summary>
public static class EventsFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<StatusChange> events)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var staging = $"{full}.partial-{Guid.NewGuid():N}";
        try
        {
            await new ParquetTable()
                .Add("account", events.Select(e => e.Account).ToArray())
                .Add("time", events.Select(e => e.Time.UtcDateTime.ToString("O")).ToArray())
                .Add("old_status", events.Select(e => e.OldStatus).ToArray())
                .Add("new_status", events.Select(e => e.NewStatus).ToArray())
                .Add("equity", events.Select(e => e.Equity).ToArray())
                .Add("initial_margin", events.Select(e => e.InitialMargin).ToArray())
                .Add("maintenance_margin", events.Select(e => e.MaintenanceMargin).ToArray())
                .Add("trigger", events.Select(e => e.Trigger).ToArray())
                .WriteAsync(staging);
            File.Move(staging, full, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}
