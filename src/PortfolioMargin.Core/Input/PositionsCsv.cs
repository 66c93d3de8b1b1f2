using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Input;

/// <summary>The positions file as CSV: the header of <see cref="PositionFields.Columns"/>, then one position per line.</summary>
public static class PositionsCsv
{
    public static IReadOnlyList<Position> Parse(string text, string fileName)
    {
        var records = CsvRecords.Read(text, fileName);
        if (records.Count == 0)
        {
            throw new InputException(fileName, 0, "", "file is empty; expected a header and at least one position");
        }

        CsvHeader.Check(records[0].Fields, PositionFields.Columns, fileName, records[0].Line);
        if (records.Count == 1)
        {
            throw new InputException(fileName, 0, "", "file has a header but no positions");
        }

        return records.Skip(1).Select(r => PositionFields.Parse(r.Fields, fileName, r.Line)).ToArray();
    }
}
