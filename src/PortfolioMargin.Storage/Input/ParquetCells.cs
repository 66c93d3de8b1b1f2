using System.Globalization;
using Parquet;
using Parquet.Schema;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// An input Parquet file's cells as the text a CSV would hold (invariant numbers, yyyy-MM-dd dates, empty for
/// null), so a Parquet input goes through its CSV's row rules and cannot drift from them. Doubles are written
/// shortest round-trip ("R"), which parses back to the same bits; a float becomes the decimal it prints as, the
/// number its writer meant. A file Parquet.Net cannot read is an <see cref="InputException"/> naming it.
/// </summary>
internal static class ParquetCells
{
    public static async Task<ParquetReader> OpenAsync(Stream stream, string fileName)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream);
        }
        catch (Exception e) when (IsDamaged(e))
        {
            throw new InputException(fileName, 0, "", $"not a Parquet file: {e.Message}");
        }
    }

    /// <summary>One column of one row group, a cell per row.</summary>
    public static async Task<string[]> ReadAsTextAsync(ParquetRowGroupReader group, DataField field, string fileName)
    {
        if (field.IsArray)
        {
            throw new InputException(fileName, 0, field.Name, "is a list column; expected one value per row");
        }

        try
        {
            return await ReadAsync(group, field, fileName);
        }
        catch (Exception e) when (IsDamaged(e))
        {
            throw new InputException(fileName, 0, field.Name, $"column cannot be read (truncated or damaged file?): {e.Message}");
        }
    }

    private static async Task<string[]> ReadAsync(ParquetRowGroupReader group, DataField field, string fileName)
    {
        var rows = checked((int)group.RowCount);
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory());
            return text.Select(t => t ?? "").ToArray();
        }

        return type switch
        {
            _ when type == typeof(double) => await ReadValuesAsync<double>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => await ReadValuesAsync<float>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => await ReadValuesAsync<int>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => await ReadValuesAsync<long>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(group, field, rows, FormatDate),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(group, field, rows, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new InputException(fileName, 0, field.Name, $"column type {type.Name} is not supported; use a string, number or date"),
        };
    }

    /// <summary>
    /// A required column is read into plain values: Parquet.Net 6.1, asked to fill a nullable buffer from a column
    /// with no definition levels, left about half the cells of a required DATE column null in some processes
    /// (see <see cref="Results.ColumnTable"/>), which here would read as empty cells.
    /// </summary>
    private static async Task<string[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> format)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var plain = new T[rows];
            await group.ReadAsync<T>(field, plain.AsMemory());
            return plain.Select(format).ToArray();
        }

        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v is { } value ? format(value) : "").ToArray();
    }

    // Parquet stores a DateOnly as a date-time at midnight; any other time of day is not a date, so keep it visible
    // and let the date parser reject it.
    private static string FormatDate(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("O", CultureInfo.InvariantCulture);

    // Parquet.Net reports a file that is not Parquet, cut short or overwritten in several ways (a bad magic number, a
    // footer length past the end, a page that decodes past its buffer): each is the file's fault, not the program's.
    private static bool IsDamaged(Exception e) =>
        e is IOException or InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException;
}
