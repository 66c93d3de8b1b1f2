using PortfolioMargin.Storage.Results;

namespace PortfolioMargin.Reporting.Margin;

/// <summary>accounts.parquet by column name, with the row of each account id.</summary>
internal sealed class AccountTable
{
    public AccountTable(ColumnTable table)
    {
        Table = table;
        Ids = [.. table.Text("account").Select(a => a ?? "")];
        Status = [.. table.Text("status").Select(s => s ?? "")];
        Row = Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    public ColumnTable Table { get; }

    public string[] Ids { get; }

    public string[] Status { get; }

    public Dictionary<string, int> Row { get; }

    public int Count => Ids.Length;

    public double?[] this[string column] => Table.Number(column);

    /// <summary>A column's value for one row, NaN where the file holds null.</summary>
    public double Value(string column, int row) => Table.Number(column)[row] ?? double.NaN;

    public double Sum(string column) => Table.Number(column).Sum(v => v ?? 0.0);
}
