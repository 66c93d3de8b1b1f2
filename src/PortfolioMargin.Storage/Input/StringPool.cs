using System.Runtime.CompilerServices;
namespace PortfolioMargin.Storage.Input;

/// <summary>
/// Hands out one string per distinct text, so that ten million rows naming a few thousand accounts and a few hundred
/// underlyings allocate a few thousand strings. Rows of one account are usually together, so the previous answer is
/// tried before the hash lookup. Past <see cref="Capacity"/> distinct texts it stops remembering new ones, which bounds
/// its memory when a column turns out not to repeat.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 1 << 16;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private string _previous = "";

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.SequenceEqual(_previous))
        {
            return _previous;
        }

        if (!_lookup.TryGetValue(text, out var pooled))
        {
            pooled = text.ToString();
            if (_strings.Count < Capacity)
            {
                _strings.Add(pooled);
            }
        }

        _previous = pooled;
        return pooled;
    }
}
