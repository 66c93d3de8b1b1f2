using System.Globalization;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Market;

/// <summary>
/// events.parquet: one row per margin call or liquidation. Parquet files cannot be appended to, so each append
/// rewrites the file beside itself and renames it into place: a reader sees the old file or the new one, never half.
/// The time is a UTC TIMESTAMP (milliseconds), the statuses dictionary-encoded, every column required.
/// </summary>
public static class EventsFile
{
    /// <summary>The events an earlier process logged in this file (none if there is no file), in file order.</summary>
    public static async Task<IReadOnlyList<StatusChange>> ReadAsync(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return [];
        }

        await using var stream = File.OpenRead(full);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var events = new List<StatusChange>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            async Task<string?[]> Text(string name)
            {
                var values = new string?[rows];
                await group.ReadAsync(fields[name], values.AsMemory());
                return values;
            }

            async Task<double?[]> Number(string name)
            {
                var values = new double?[rows];
                await group.ReadAsync<double>(fields[name], values.AsMemory());
                return values;
            }

            var (account, oldStatus, newStatus, trigger) = (await Text("account"), await Text("old_status"), await Text("new_status"), await Text("trigger"));
            var time = await TimesAsync(group, fields["time"], rows);
            var (equity, initial, maintenance) = (await Number("equity"), await Number("initial_margin"), await Number("maintenance_margin"));
            for (var i = 0; i < rows; i++)
            {
                events.Add(new StatusChange(
                    account[i] ?? "", time[i], oldStatus[i] ?? "", newStatus[i] ?? "",
                    equity[i] ?? double.NaN, initial[i] ?? double.NaN, maintenance[i] ?? double.NaN, trigger[i] ?? ""));
            }
        }

        return events;
    }

    /// <summary>
    /// The time column: a UTC TIMESTAMP, or, in a file an older build wrote, ISO 8601 text, so a log continued across
    /// that change keeps its earlier events.
    /// </summary>
    private static async Task<DateTimeOffset[]> TimesAsync(Parquet.ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
    {
        var times = new DateTimeOffset[rows];
        if (field.ClrType != typeof(DateTime))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory());
            for (var i = 0; i < rows; i++)
            {
                times[i] = DateTimeOffset.Parse(text[i] ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }

            return times;
        }

        var utc = new DateTime[rows];
        await group.ReadAsync<DateTime>(field, utc.AsMemory());
        for (var i = 0; i < rows; i++)
        {
            times[i] = new DateTimeOffset(DateTime.SpecifyKind(utc[i], DateTimeKind.Utc));
        }

        return times;
    }

    public static async Task WriteAsync(string path, IReadOnlyList<StatusChange> events)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var staging = $"{full}.partial-{Guid.NewGuid():N}";
        try
        {
            await new ParquetTable()
                .Add("account", events.Select(e => e.Account).ToArray())
                .AddTimestamp("time", events.Select(e => e.Time).ToArray())
                .Add("old_status", events.Select(e => e.OldStatus).ToArray(), dictionary: true)
                .Add("new_status", events.Select(e => e.NewStatus).ToArray(), dictionary: true)
                .Add("equity", events.Select(e => e.Equity).ToArray())
                .Add("initial_margin", events.Select(e => e.InitialMargin).ToArray())
                .Add("maintenance_margin", events.Select(e => e.MaintenanceMargin).ToArray())
                .Add("trigger", events.Select(e => e.Trigger).ToArray())
                .WriteAsync(staging, ResultMetadata.EngineOnly());
            File.Move(staging, full, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}
