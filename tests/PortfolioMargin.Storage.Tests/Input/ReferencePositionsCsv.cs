using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>
/// The positions rules written the plain way, string by string (the parser as it was before it read cells in place and
/// in parallel), to check the fast parser against. Same checks, same order, same messages.
/// </summary>
internal static class ReferencePositionsCsv
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

        return records.Skip(1).Select(r => ParseRow(new TextRow(PositionFields.Columns, r.Fields, fileName, r.Line))).ToArray();
    }

    private static Position ParseRow(TextRow row)
    {
        var account = row.RequiredText("account");
        var typeText = row.RequiredText("type");
        var type = typeText.ToLowerInvariant() switch
        {
            "spot" => InstrumentType.Spot,
            "future" => InstrumentType.Future,
            "option" => InstrumentType.Option,
            _ => throw row.Error("type", $"'{typeText}' is not one of spot, future, option"),
        };
        var underlying = row.RequiredText("underlying");
        var quantity = row.Number("quantity");
        var multiplier = row.OptionalNumber("multiplier") ?? 1.0;
        if (multiplier <= 0)
        {
            throw row.Error("multiplier", $"is {multiplier}, must be > 0");
        }

        var strike = row.OptionalNumber("strike");
        var expiry = row.OptionalDate("expiry");
        var rightText = row.Text("right");
        OptionRight? right = rightText.ToLowerInvariant() switch
        {
            "" => null,
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => throw row.Error("right", $"'{rightText}' is not one of call, put"),
        };
        var (noStrike, noExpiry, noRight) = type switch
        {
            InstrumentType.Spot => ("a spot position has no strike", "a spot position has no expiry", "a spot position has no right"),
            InstrumentType.Future => ("a future has no strike", null, "a future has no right"),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        RequireEmpty(row, "strike", noStrike);
        RequireEmpty(row, "expiry", noExpiry);
        RequireEmpty(row, "right", noRight);
        if (type == InstrumentType.Option)
        {
            if (strike is null || expiry is null || right is null)
            {
                throw row.Error(strike is null ? "strike" : expiry is null ? "expiry" : "right", "an option needs a strike, an expiry and a right");
            }

            if (strike <= 0)
            {
                throw row.Error("strike", $"is {strike}, must be > 0");
            }
        }

        return new Position(account, Instrument.Of(type, underlying, strike, expiry, right), quantity, multiplier, row.Line);
    }

    private static void RequireEmpty(TextRow row, string column, string? problem)
    {
        if (problem is not null && !row.IsEmpty(column))
        {
            throw row.Error(column, $"must be empty: {problem}");
        }
    }
}
