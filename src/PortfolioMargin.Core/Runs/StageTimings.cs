namespace PortfolioMargin.Core.Runs;

/// <summary>Wall time per stage, in milliseconds.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, double> _milliseconds = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Milliseconds => _milliseconds;

    public void Add(string stage, TimeSpan elapsed) =>
        _milliseconds[stage] = (_milliseconds.TryGetValue(stage, out var ms) ? ms : 0.0) + elapsed.TotalMilliseconds;
}
