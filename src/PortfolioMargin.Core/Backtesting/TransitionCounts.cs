namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// Day-to-day transitions of an exception indicator: NFromTo counts days t with I_{t−1} = From and I_t = To.
/// A sequence of N days gives N − 1 transitions.
/// </summary>
public readonly record struct TransitionCounts(int N00, int N01, int N10, int N11)
{
    public int Transitions => N00 + N01 + N10 + N11;

    /// <summary>Counts the transitions of consecutive days in an exception sequence.</summary>
    public static TransitionCounts FromExceedances(ReadOnlySpan<bool> exceedances)
    {
        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (var t = 1; t < exceedances.Length; t++)
        {
            switch (exceedances[t - 1], exceedances[t])
            {
                case (false, false):
                    n00++;
                    break;
                case (false, true):
                    n01++;
                    break;
                case (true, false):
                    n10++;
                    break;
                default:
                    n11++;
                    break;
            }
        }

        return new TransitionCounts(n00, n01, n10, n11);
    }
}
