namespace PortfolioMargin.Core.Input;

/// <summary>
/// Bad input: names the file, the 1-based line (0 when the problem is the file as a whole) and the field,
/// so a user can go straight to the cell that needs fixing.
/// </summary>
public sealed class InputException(string file, int line, string field, string problem)
    : Exception(Format(file, line, field, problem))
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Field { get; } = field;

    public string Problem { get; } = problem;

    private static string Format(string file, int line, string field, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return string.IsNullOrEmpty(field) ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}
