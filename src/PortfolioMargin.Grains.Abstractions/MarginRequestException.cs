namespace PortfolioMargin.Grains.Abstractions;

/// <summary>
/// A request the cluster refuses (unknown account, malformed update, unknown underlying, a run id reused with other
/// inputs). Thrown before any state changes, so the caller can fix the request and send it again.
/// </summary>
[GenerateSerializer, Alias("PortfolioMargin.Grains.MarginRequestException")]
public sealed class MarginRequestException : Exception
{
    public MarginRequestException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// A problem with one field of the request: <see cref="Field"/> and <see cref="Problem"/> travel with it, so a
    /// client that read the request from a file can name the file and line of that field.
    /// </summary>
    public MarginRequestException(string subject, string field, string problem)
        : base($"{subject}: field '{field}': {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public MarginRequestException()
    {
    }

    public MarginRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request's field at fault; empty when the problem is not one field's.</summary>
    [Id(0)]
    public string Field { get; init; } = "";

    [Id(1)]
    public string Problem { get; init; } = "";
}
