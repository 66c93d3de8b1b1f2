using System.Runtime.CompilerServices;
using PortfolioMargin.Core.Input;
using PortfolioMargin.Core.Portfolio;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The rules for one positions row: text cells in <see cref="Columns"/> order, turned into a <see cref="Position"/>.
/// Shared by the CSV and Parquet readers so both formats accept and reject exactly the same rows.
/// </summary>
internal static class PositionFields
{
    public static IReadOnlyList<string> Columns { get; } =
        ["account", "type", "underlying", "quantity", "multiplier", "strike", "expiry", "right"];

    /// <param name="line">1-based line (CSV) or row (Parquet) that the error messages name.</param>
    public static Position Parse(IReadOnlyList<string> fields, string fileName, int line)
    {
        CheckFieldCount(fields.Count, fileName, line);
        return Parse(PositionCells.From(fields), new RowLocation(fileName, line), accounts: null, underlyings: null);
    }

    internal static void CheckFieldCount(int count, string fileName, int line)
    {
        if (count != Columns.Count)
        {
            throw new InputException(fileName, line, "", $"has {count} fields, expected {Columns.Count} ({string.Join(",", Columns)})");
        }
    }

    /// <param name="accounts">Where account strings come from; null makes a new one per row.</param>
    /// <param name="underlyings">Where underlying strings come from; null makes a new one per row.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Position Parse(scoped PositionCells cells, RowLocation where, StringPool? accounts, StringPool? underlyings)
    {
        // Cells are checked left to right, so a row with several problems reports the same one whichever reader read it.
        var account = CellText.Required(cells.Account, "account", where);
        var type = ParseType(cells.Type, where);
        var underlying = CellText.Required(cells.Underlying, "underlying", where);
        var quantity = CellText.Number(cells.Quantity, "quantity", where);
        if (PlausibilityBounds.Quantity(quantity) is { } quantityProblem)
        {
            throw where.Error("quantity", quantityProblem);
        }

        var multiplier = CellText.OptionalNumber(cells.Multiplier, "multiplier", where) ?? 1.0;
        if (PlausibilityBounds.Multiplier(multiplier) is { } multiplierProblem)
        {
            throw where.Error("multiplier", multiplierProblem);
        }

        var strike = CellText.OptionalNumber(cells.Strike, "strike", where);
        var expiry = CellText.OptionalDate(cells.Expiry, "expiry", where);
        var right = ParseRight(cells.Right, where);
        // The strike's bound first where the option is otherwise whole: Instrument.Option refuses only what no
        // price can be, the bound says what no plausible one is.
        if (type == InstrumentType.Option && strike is { } strikePrice && expiry is not null && right is not null
            && PlausibilityBounds.Price(strikePrice) is { } strikeProblem)
        {
            throw where.Error("strike", strikeProblem);
        }

        Instrument instrument;
        try
        {
            instrument = Instrument.Of(type, Text(underlying, underlyings), strike, expiry, right);
        }
        catch (InstrumentFieldException error)
        {
            throw where.Error(error.Field, error.Problem);
        }

        return new Position(Text(account, accounts), instrument, quantity, multiplier, where.Line);
    }

    private static string Text(ReadOnlySpan<char> text, StringPool? pool) => pool is null ? text.ToString() : pool.Get(text);

    // The lower-case spelling is tried as is first; anything else takes the case-insensitive path the rule was written with.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static InstrumentType ParseType(ReadOnlySpan<char> cell, RowLocation where)
    {
        var text = CellText.Required(cell, "type", where);
        return text switch
        {
            "spot" => InstrumentType.Spot,
            "future" => InstrumentType.Future,
            "option" => InstrumentType.Option,
            _ => text.ToString().ToLowerInvariant() switch
            {
                "spot" => InstrumentType.Spot,
                "future" => InstrumentType.Future,
                "option" => InstrumentType.Option,
                _ => throw where.Error("type", $"'{text.ToString()}' is not one of spot, future, option"),
            },
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static OptionRight? ParseRight(ReadOnlySpan<char> cell, RowLocation where)
    {
        var text = cell.Trim();
        return text switch
        {
            "" => null,
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => text.ToString().ToLowerInvariant() switch
            {
                "call" => OptionRight.Call,
                "put" => OptionRight.Put,
                _ => throw where.Error("right", $"'{text.ToString()}' is not one of call, put"),
            },
        };
    }
}
