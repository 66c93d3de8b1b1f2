using PortfolioMargin.Core.Input;
namespace PortfolioMargin.Storage.Input;

/// <summary>Where a row came from, so that a problem in any of its cells becomes an error naming file, line and field.</summary>
internal readonly record struct RowLocation(string FileName, int Line)
{
    public InputException Error(string column, string problem) => new(FileName, Line, column, problem);
}
