namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// A run's output folder cannot be used: outside the silo's results root, already holding other files, or not
/// writable. Not an input error (exit 1, not 2), and thrown before any pricing starts.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarginOutputException")]
public sealed class MarginOutputException : Exception
{
    public MarginOutputException(string message)
        : base(message)
    {
    }

    public MarginOutputException()
    {
    }

    public MarginOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
