using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Storage.Output;

/// <summary>
/// report-detail.parquet (`pm run --report`): for each account the report draws, its horizon-loss histogram and its
/// whole stress grid, as long rows (account, kind, x, y, value) so that both fit one table: a "loss" row is one
/// histogram bin (x its lower edge, y its upper edge, value its paths), a "stress" row one grid point (x the price
/// move, y the vol move, value the loss). docs/formats.md.
/// </summary>
public static class ReportDetailFile
{
    public const string LossKind = "loss";
    public const string StressKind = "stress";

    /// <summary>Writes the details with <paramref name="metadata"/> (the run's, <see cref="ResultMetadata"/>) in the footer.</summary>
    public static Task WriteAsync(string path, IEnumerable<AccountDetail> details, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation = default)
    {
        var rows = new List<(string Account, string Kind, double X, double Y, double Value)>();
        foreach (var detail in details)
        {
            for (var b = 0; b < detail.PathCounts.Length; b++)
            {
                var lower = detail.LossLowest + b * detail.BinWidth;
                rows.Add((detail.Account, LossKind, lower, lower + detail.BinWidth, detail.PathCounts[b]));
            }

            foreach (var cell in detail.Stress)
            {
                rows.Add((detail.Account, StressKind, cell.PriceMoveRelative, cell.VolMoveRelative, cell.Loss));
            }
        }

        return new ParquetRowTable<(string Account, string Kind, double X, double Y, double Value)>(rows)
            .Add("account", r => r.Account, dictionary: true)
            .Add("kind", r => r.Kind, dictionary: true)
            .Add("x", r => r.X)
            .Add("y", r => r.Y)
            .Add("value", r => r.Value)
            .WriteAsync(path, metadata, cancellation);
    }

    /// <summary>The file's accounts in file order; rows of an unknown kind are an error naming the file and row.</summary>
    public static async Task<IReadOnlyDictionary<string, AccountDetail>> ReadAsync(string path, CancellationToken cancellation = default)
    {
        var table = await ColumnTable.ReadAsync(path, cancellation);
        var (account, kind, x, y, value) = (table.Text("account"), table.Text("kind"), table.Number("x"), table.Number("y"), table.Number("value"));
        var bins = new Dictionary<string, List<(double Lower, double Upper, int Paths)>>(StringComparer.Ordinal);
        var cells = new Dictionary<string, List<StressCell>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < table.RowCount; i++)
        {
            var id = account[i] ?? throw new InputException(table.File, i + 1, "account", "is empty");
            if (!bins.ContainsKey(id))
            {
                order.Add(id);
                bins[id] = [];
                cells[id] = [];
            }

            var (a, b, v) = (x[i] ?? double.NaN, y[i] ?? double.NaN, value[i] ?? double.NaN);
            switch (kind[i])
            {
                case LossKind:
                    bins[id].Add((a, b, (int)v));
                    break;
                case StressKind:
                    cells[id].Add(new StressCell(a, b, v));
                    break;
                default:
                    throw new InputException(table.File, i + 1, "kind", $"'{kind[i]}' is neither '{LossKind}' nor '{StressKind}'");
            }
        }

        return order.ToDictionary(
            id => id,
            id => bins[id] is { Count: > 0 } histogram
                ? new AccountDetail(id, histogram[0].Lower, histogram[0].Upper - histogram[0].Lower, histogram.Select(h => h.Paths).ToArray(), cells[id])
                : new AccountDetail(id, 0.0, 0.0, [], cells[id]),
            StringComparer.Ordinal);
    }
}
