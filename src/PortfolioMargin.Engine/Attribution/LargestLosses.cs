namespace PortfolioMargin.Engine.Attribution;

/// <summary>
/// The T largest of the losses offered so far, as a min-heap filled with T losses first (<see cref="Fill"/>): its
/// smallest, <see cref="Threshold"/>, is a lower bound on the T-th largest loss of any superset, and rises as larger
/// losses come in.
/// </summary>
internal sealed class LargestLosses(int capacity)
{
    private readonly double[] _heap = new double[capacity];
    private int _count;

    public double Threshold => _heap[0];

    /// <summary>Starts over holding exactly these losses (as many as the capacity): a heap built in linear time.</summary>
    public void Fill(ReadOnlySpan<double> losses)
    {
        losses.CopyTo(_heap);
        _count = losses.Length;
        for (var i = _count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public void Offer(double loss)
    {
        if (!(loss > _heap[0]))
        {
            return;
        }

        _heap[0] = loss;
        SiftDown(0);
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && _heap[left] < _heap[smallest])
            {
                smallest = left;
            }

            if (right < _count && _heap[right] < _heap[smallest])
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
            i = smallest;
        }
    }

    /// <summary>
    /// Mean of the losses held, summed in heap order: the same offers in the same order give the same heap, so the
    /// figure is reproducible on every backend and batch split; it differs from an ascending sum by rounding only.
    /// </summary>
    public double Mean()
    {
        var sum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            sum += _heap[i];
        }

        var mean = sum / _count;
        _count = 0;
        return mean;
    }
}
