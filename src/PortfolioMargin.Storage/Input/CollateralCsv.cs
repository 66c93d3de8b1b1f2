using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The collateral file: header <c>account,asset,amount</c>, one holding per line. A header with no rows is valid
/// (nobody has posted collateral); a negative amount is a debit balance and is kept as such.
/// </summary>
internal static class CollateralCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["account", "asset", "amount"];

    public static IReadOnlyList<CollateralHolding> Parse(string text, string fileName)
    {
        var records = CsvRecords.Read(text, fileName);
        if (records.Count == 0)
        {
            throw new InputException(fileName, 0, "", $"file is empty; expected at least the header {string.Join(",", Columns)}");
        }

        CsvHeader.Check(records[0].Fields, Columns, fileName, records[0].Line);
        return records.Skip(1).Select(r => ParseRow(r, fileName)).ToArray();
    }

    private static CollateralHolding ParseRow(CsvRecord record, string fileName)
    {
        var row = new TextRow(Columns, record.Fields, fileName, record.Line);
        return new CollateralHolding(row.RequiredText("account"), row.RequiredText("asset"), row.Number("amount"), record.Line);
    }
}
