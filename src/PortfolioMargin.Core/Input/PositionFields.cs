using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Core.Input;

/// <summary>
/// One positions row, given as text cells in <see cref="Columns"/> order, turned into a <see cref="Position"/>.
/// Shared by the CSV and Parquet readers so both formats accept and reject exactly the same rows.
/// </summary>
public static class PositionFields
{
    public static IReadOnlyList<string> Columns { get; } =
        ["account", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right"];

    /// <param name="line">1-based line (CSV) or row (Parquet) that the error messages name.</param>
    public static Position Parse(IReadOnlyList<string> fields, string fileName, int line)
    {
        var row = new TextRow(Columns, fields, fileName, line);
        var account = row.RequiredText("account");
        var type = ParseType(row);
        var underlying = row.RequiredText("underlying");
        var quantity = row.Number("quantity");
        var multiplier = row.OptionalNumber("multiplier") ?? 1.0;
        if (multiplier <= 0)
        {
            throw row.Error("multiplier", $"is {multiplier}, must be > 0");
        }

        var strike = row.OptionalNumber("strike");
        var expiry = row.OptionalDate("expiry");
        var right = ParseRight(row);
        switch (type)
        {
            case InstrumentType.Spot:
                RequireEmpty(row, "strike", "a spot position has no strike");
                RequireEmpty(row, "expiry", "a spot position has no expiry");
                RequireEmpty(row, "right", "a spot position has no right");
                break;
            case InstrumentType.Future:
                RequireEmpty(row, "strike", "a future has no strike");
                RequireEmpty(row, "right", "a future has no right");
                break;
            case InstrumentType.Option:
                if (strike is null || expiry is null || right is null)
                {
                    var missing = strike is null ? "strike" : expiry is null ? "expiry" : "right";
                    throw row.Error(missing, "an option needs a strike, an expiry and a right");
                }

                if (strike <= 0)
                {
                    throw row.Error("strike", $"is {strike}, must be > 0");
                }

                break;
        }

        return new Position(account, type, underlying, quantity, multiplier, strike, expiry, right, line);
    }

    private static InstrumentType ParseType(TextRow row)
    {
        var text = row.RequiredText("type");
        return text.ToLowerInvariant() switch
        {
            "spot" => InstrumentType.Spot,
            "future" => InstrumentType.Future,
            "option" => InstrumentType.Option,
            _ => throw row.Error("type", $"'{text}' is not one of spot, future, option"),
        };
    }

    private static OptionRight? ParseRight(TextRow row)
    {
        var text = row.Text("right");
        return text.ToLowerInvariant() switch
        {
            "" => null,
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => throw row.Error("right", $"'{text}' is not one of call, put"),
        };
    }

    private static void RequireEmpty(TextRow row, string column, string problem)
    {
        if (!row.IsEmpty(column))
        {
            throw row.Error(column, $"must be empty: {problem}");
        }
    }
}
