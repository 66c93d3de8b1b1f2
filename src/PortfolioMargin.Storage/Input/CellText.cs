using System.Globalization;
using System.Runtime.CompilerServices;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// One cell read straight from the text it sits in, without copying it into a string first: the same rules and
/// messages as <see cref="TextRow"/> (cells are trimmed; numbers and dates use the invariant culture).
/// </summary>
internal static class CellText
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsEmpty(ReadOnlySpan<char> cell) => cell.Trim().IsEmpty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<char> Required(ReadOnlySpan<char> cell, string column, RowLocation where)
    {
        var text = cell.Trim();
        return !text.IsEmpty ? text : throw where.Error(column, "must not be empty");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Number(ReadOnlySpan<char> cell, string column, RowLocation where)
    {
        var text = Required(cell, column, where);
        if (!TryParseNumber(text, out var value) || !double.IsFinite(value))
        {
            throw where.Error(column, $"'{text.ToString()}' is not a finite number");
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? OptionalNumber(ReadOnlySpan<char> cell, string column, RowLocation where) =>
        IsEmpty(cell) ? null : Number(cell, column, where);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateOnly? OptionalDate(ReadOnlySpan<char> cell, string column, RowLocation where)
    {
        var text = cell.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return TryParseIsoDate(text, out var date)
            ? date
            : throw where.Error(column, $"'{text.ToString()}' is not a date of the form yyyy-MM-dd");
    }

    /// <summary>
    /// Plain decimals of up to 15 digits (quantities, multipliers, strikes) are read digit by digit: the digits as an
    /// integer and the power of ten are then exact doubles, so their quotient is correctly rounded, the same double
    /// the general parser returns (Clinger's fast path). Anything else goes to the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var fractionDigits = -1;
        long mantissa = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) && digits < 15)
            {
                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                fractionDigits += fractionDigits >= 0 ? 1 : 0;
            }
            else if (c == '.' && fractionDigits < 0 && digits > 0)
            {
                fractionDigits = 0;
            }
            else
            {
                break;
            }
        }

        if (i < text.Length || digits == 0 || fractionDigits == 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = mantissa / PowersOfTen[Math.Max(fractionDigits, 0)];
        value = text[0] == '-' ? -value : value;
        return true;
    }

    private static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Plain ASCII <c>yyyy-MM-dd</c> is read digit by digit, since the general exact-format parser costs more than
    /// the rest of a row; anything else goes to that parser, so what is accepted does not change.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
