using System.Runtime.CompilerServices;
namespace PortfolioMargin.Storage.Input;

/// <summary>The eight cells of one positions row, untrimmed, as slices of the text they were read from.</summary>
internal ref struct PositionCells
{
    public ReadOnlySpan<char> Account;
    public ReadOnlySpan<char> Type;
    public ReadOnlySpan<char> Underlying;
    public ReadOnlySpan<char> Quantity;
    public ReadOnlySpan<char> Multiplier;
    public ReadOnlySpan<char> Strike;
    public ReadOnlySpan<char> Expiry;
    public ReadOnlySpan<char> Right;

    public const int Count = 8;

    /// <param name="fields">Exactly <see cref="Count"/> fields, in <see cref="PositionFields.Columns"/> order.</param>
    public static PositionCells From(IReadOnlyList<string> fields) => new()
    {
        Account = fields[0],
        Type = fields[1],
        Underlying = fields[2],
        Quantity = fields[3],
        Multiplier = fields[4],
        Strike = fields[5],
        Expiry = fields[6],
        Right = fields[7],
    };

    /// <summary>
    /// Splits one line that holds no quote at its commas, which is then exactly what the RFC 4180 reader would make of
    /// it. Returns the line's number of fields; <paramref name="cells"/> is filled only when that is <see cref="Count"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<char> line, out PositionCells cells)
    {
        cells = default;
        var fieldCount = line.Count(',') + 1;
        if (fieldCount != Count)
        {
            return fieldCount;
        }

        cells.Account = Next(ref line);
        cells.Type = Next(ref line);
        cells.Underlying = Next(ref line);
        cells.Quantity = Next(ref line);
        cells.Multiplier = Next(ref line);
        cells.Strike = Next(ref line);
        cells.Expiry = Next(ref line);
        cells.Right = line;
        return fieldCount;
    }

    private static ReadOnlySpan<char> Next(scoped ref ReadOnlySpan<char> rest)
    {
        var comma = rest.IndexOf(',');
        var cell = rest[..comma];
        rest = rest[(comma + 1)..];
        return cell;
    }
}
