using Parquet;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>Reads the text columns of a one-row-group result file, for checks on what landed on disk.</summary>
public static class ParquetColumns
{
    public static async Task<Dictionary<string, string?[]>> ReadTextAsync(string path, params string[] names)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        using var group = reader.OpenRowGroupReader(0);
        var columns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var field in reader.Schema.GetDataFields().Where(f => names.Contains(f.Name)))
        {
            var values = new string?[group.RowCount];
            await group.ReadAsync(field, values.AsMemory());
            columns[field.Name] = values;
        }

        return columns;
    }
}
