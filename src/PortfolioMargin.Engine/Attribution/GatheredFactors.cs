namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// An account's tail scenarios gathered once per underlying (spot, ln spot, vol on the tail paths, contiguous), so
/// that each of its positions on that underlying revalues from them instead of gathering again.
/// </summary>
internal sealed class GatheredFactors(int paths)
{
    private readonly List<int> _underlyings = [];
    private double[] _spot = [];
    private double[] _logSpot = [];
    private double[] _vol = [];

    public void Clear() => _underlyings.Clear();

    public (ReadOnlyMemory<double> Spot, ReadOnlyMemory<double> LogSpot, ReadOnlyMemory<double> Vol) Of(int underlying, HorizonFactors factors, ReadOnlySpan<int> tail)
    {
        var slot = _underlyings.IndexOf(underlying);
        if (slot < 0)
        {
            slot = _underlyings.Count;
            _underlyings.Add(underlying);
            Grow(_underlyings.Count * paths);
            factors.Gather(underlying, tail, _spot.AsSpan(slot * paths, paths), _logSpot.AsSpan(slot * paths, paths), _vol.AsSpan(slot * paths, paths));
        }

        return (_spot.AsMemory(slot * paths, paths), _logSpot.AsMemory(slot * paths, paths), _vol.AsMemory(slot * paths, paths));
    }

    private void Grow(int length)
    {
        if (_spot.Length >= length)
        {
            return;
        }

        var size = Math.Max(length, 2 * _spot.Length);
        Array.Resize(ref _spot, size);
        Array.Resize(ref _logSpot, size);
        Array.Resize(ref _vol, size);
    }
}
