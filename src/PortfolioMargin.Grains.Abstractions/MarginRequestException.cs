namespace PortfolioMargin.Grains;

/// <summary>
/// A request the cluster refuses (unknown account, malformed update, unknown underlying, a run id reused with other
/// inputs). Thrown before any state changes, so the caller can fix the request and send it again.
/// </summary>
[GenerateSerializer]
public sealed class MarginRequestException : Exception
{
    public MarginRequestException(string message)
        : base(message)
    {
    }

    public MarginRequestException()
    {
    }

    public MarginRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
