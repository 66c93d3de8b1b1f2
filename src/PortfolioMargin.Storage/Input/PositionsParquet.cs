using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The positions file as Parquet: the same columns as the CSV, typed or as strings. Each cell is turned back into
/// its CSV text (<see cref="ParquetCells"/>) and handed to <see cref="PositionFields"/>, so both formats follow one
/// set of rules; the "line" in errors is the 1-based row number across all row groups.
/// </summary>
internal static class PositionsParquet
{
    public static async Task<IReadOnlyList<Position>> ReadAsync(Stream stream, string fileName)
    {
        var reader = await ParquetCells.OpenAsync(stream, fileName);
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            CsvHeader.Check(fields.Select(f => f.Name).ToArray(), PositionFields.Columns, fileName, 0);
            var positions = new List<Position>();
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var groupReader = reader.OpenRowGroupReader(group);
                var columns = new string[fields.Length][];
                for (var c = 0; c < fields.Length; c++)
                {
                    columns[c] = await ParquetCells.ReadAsTextAsync(groupReader, fields[c], fileName);
                }

                for (var row = 0; row < groupReader.RowCount; row++)
                {
                    positions.Add(PositionFields.Parse(columns.Select(column => column[row]).ToArray(), fileName, positions.Count + 1));
                }
            }

            return positions.Count > 0 ? positions : throw new InputException(fileName, 0, "", "file has no positions");
        }
    }
}
