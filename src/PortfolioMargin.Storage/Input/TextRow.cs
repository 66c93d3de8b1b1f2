using System.Globalization;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// One row of a tabular input as text, read cell by cell so that every error names the file, row and column.
/// Numbers use the invariant culture: input files must read the same on every machine.
/// </summary>
internal sealed class TextRow
{
    private readonly IReadOnlyList<string> _columns;
    private readonly IReadOnlyList<string> _fields;

    public TextRow(IReadOnlyList<string> columns, IReadOnlyList<string> fields, string fileName, int line)
    {
        if (fields.Count != columns.Count)
        {
            throw new InputException(fileName, line, "", $"has {fields.Count} fields, expected {columns.Count} ({string.Join(",", columns)})");
        }

        _columns = columns;
        _fields = fields;
        FileName = fileName;
        Line = line;
    }

    public string FileName { get; }

    public int Line { get; }

    public bool IsEmpty(string column) => Text(column).Length == 0;

    public string Text(string column) => _fields[IndexOf(column)].Trim();

    public string RequiredText(string column)
    {
        var text = Text(column);
        return text.Length > 0 ? text : throw Error(column, "must not be empty");
    }

    public double Number(string column)
    {
        var text = RequiredText(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(column, $"'{text}' is not a finite number");
        }

        return value;
    }

    public double? OptionalNumber(string column) => IsEmpty(column) ? null : Number(column);

    public DateOnly? OptionalDate(string column)
    {
        if (IsEmpty(column))
        {
            return null;
        }

        var text = Text(column);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(column, $"'{text}' is not a date of the form yyyy-MM-dd");
    }

    public InputException Error(string column, string problem) => new(FileName, Line, column, problem);

    private int IndexOf(string column)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (string.Equals(_columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"no column '{column}'", nameof(column));
    }
}
