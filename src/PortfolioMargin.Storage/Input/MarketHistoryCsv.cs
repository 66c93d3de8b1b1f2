using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>What to do when an underlying has no row on a date.</summary>
public enum HistoryFill
{
    /// <summary>A missing row is an error naming the date and underlying.</summary>
    None,

    /// <summary>The underlying's previous close is carried forward (a holiday on its exchange, a stale quote).</summary>
    Previous,
}

/// <summary>
/// A backtest's market history: one row per date and underlying, header with <c>date,underlying,spot,atmVol</c>
/// and any of <c>dividendYield,skew,smile,volOfVol,spotVolCorrelation,rate</c>, in any order. Dates are
/// yyyy-MM-dd business days in file order (never earlier than the row before); the underlyings are those of the
/// first date, each once per date; <c>rate</c> is the date's, the same on each of its rows. Every value is held to
/// the market file's bounds (<see cref="PlausibilityBounds"/>), and each error names the file, line and column.
/// </summary>
internal static class MarketHistoryCsv
{
    public static IReadOnlyList<string> Required { get; } = ["date", "underlying", "spot", "atmVol"];

    public static IReadOnlyList<string> Optional { get; } = ["dividendYield", "skew", "smile", "volOfVol", "spotVolCorrelation", "rate"];

    public static MarketHistory Parse(string text, string fileName, HistoryFill fill)
    {
        var records = CsvRecords.Read(text, fileName);
        if (records.Count < 2)
        {
            throw new InputException(fileName, records.Count == 0 ? 0 : records[0].Line, "", $"has no rows; expected the header {string.Join(",", Required)} and one row per date and underlying");
        }

        var columns = Header(records[0], fileName);
        var builder = new HistoryBuilder(fileName, fill, columns.Contains("rate", StringComparer.Ordinal));
        foreach (var record in records.Skip(1))
        {
            builder.Add(new TextRow(columns, record.Fields, fileName, record.Line), columns);
        }

        return builder.Build();
    }

    private static IReadOnlyList<string> Header(CsvRecord header, string fileName)
    {
        var names = header.Fields.Select(f => f.Trim()).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            if (!Required.Contains(names[i], StringComparer.Ordinal) && !Optional.Contains(names[i], StringComparer.Ordinal))
            {
                throw new InputException(fileName, header.Line, names[i], $"unexpected column {i + 1}; expected {string.Join(",", Required)} and optionally {string.Join(",", Optional)}");
            }

            if (Array.IndexOf(names, names[i]) != i)
            {
                throw new InputException(fileName, header.Line, names[i], $"column appears twice (columns {Array.IndexOf(names, names[i]) + 1} and {i + 1})");
            }
        }

        foreach (var column in Required)
        {
            if (!names.Contains(column, StringComparer.Ordinal))
            {
                throw new InputException(fileName, header.Line, column, $"missing column; expected {string.Join(",", Required)} and optionally {string.Join(",", Optional)}");
            }
        }

        return names;
    }

    /// <summary>Collects rows date by date, checking order, duplicates and completeness as each date closes.</summary>
    private sealed class HistoryBuilder(string fileName, HistoryFill fill, bool hasRate)
    {
        private readonly List<DateOnly> _dates = [];
        private readonly List<string> _underlyings = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<double[]> _rows = [];
        private readonly List<double> _rates = [];
        private double[]?[] _current = [];
        private int _currentLine;
        private double? _currentRate;
        private int _rateLine;

        private const int Fields = 7;

        public void Add(TextRow row, IReadOnlyList<string> columns)
        {
            var date = row.OptionalDate("date") ?? throw row.Error("date", "must not be empty");
            var underlying = row.RequiredText("underlying");
            if (_dates.Count == 0 || date != _dates[^1])
            {
                if (_dates.Count > 0 && date < _dates[^1])
                {
                    throw row.Error("date", $"{date:yyyy-MM-dd} is before the previous row's {_dates[^1]:yyyy-MM-dd}: dates must be in order");
                }

                CloseDate();
                _dates.Add(date);
                _current = new double[]?[_underlyings.Count];
                _currentRate = null;
                _currentLine = row.Line;
            }

            if (!_index.TryGetValue(underlying, out var u))
            {
                if (_dates.Count > 1)
                {
                    throw row.Error("underlying", $"'{underlying}' is not one of the first date's underlyings ({string.Join(", ", _underlyings)})");
                }

                u = _underlyings.Count;
                _index[underlying] = u;
                _underlyings.Add(underlying);
                Array.Resize(ref _current, _underlyings.Count);
            }

            if (_current[u] is not null)
            {
                throw row.Error("underlying", $"'{underlying}' appears twice on {date:yyyy-MM-dd}");
            }

            _current[u] =
            [
                Checked(row, "spot", row.Number("spot"), PlausibilityBounds.Price),
                Checked(row, "atmVol", row.Number("atmVol"), PlausibilityBounds.AtmVol),
                Optional(row, columns, "dividendYield", PlausibilityBounds.DividendYield),
                Optional(row, columns, "skew", PlausibilityBounds.SmileCoefficient),
                Optional(row, columns, "smile", PlausibilityBounds.SmileCoefficient),
                Optional(row, columns, "volOfVol", PlausibilityBounds.VolOfVol),
                Optional(row, columns, "spotVolCorrelation", PlausibilityBounds.SpotVolCorrelation),
            ];
            if (columns.Contains("rate") && !row.IsEmpty("rate"))
            {
                var rate = Checked(row, "rate", row.Number("rate"), PlausibilityBounds.Rate);
                if (_currentRate is { } earlier && earlier != rate)
                {
                    throw row.Error("rate", $"is {rate}, but line {_rateLine} gives {earlier} for {date:yyyy-MM-dd}: a date has one rate");
                }

                _currentRate = rate;
                _rateLine = row.Line;
            }
        }

        public MarketHistory Build()
        {
            CloseDate();
            var n = _underlyings.Count;
            var size = _dates.Count * n;
            var columns = Enumerable.Range(0, Fields).Select(_ => new double[size]).ToArray();
            for (var i = 0; i < size; i++)
            {
                for (var f = 0; f < Fields; f++)
                {
                    columns[f][i] = _rows[i][f];
                }
            }

            return new MarketHistory(
                _dates, _underlyings, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6], [.. _rates]);
        }

        private void CloseDate()
        {
            if (_dates.Count == 0)
            {
                return;
            }

            for (var u = 0; u < _current.Length; u++)
            {
                if (_current[u] is null)
                {
                    if (fill == HistoryFill.None || _dates.Count == 1)
                    {
                        throw new InputException(
                            fileName, _currentLine, "underlying",
                            $"{_underlyings[u]} has no row on {_dates[^1]:yyyy-MM-dd} (the date starting at this line); give one, or pass --fill previous to carry its last close forward");
                    }

                    _current[u] = (double[])_rows[_rows.Count - _underlyings.Count + u].Clone();
                }
            }

            _rows.AddRange(_current!);
            if (_currentRate is null && hasRate && (fill == HistoryFill.None || _rates.Count == 0))
            {
                throw new InputException(fileName, _currentLine, "rate", $"no row of {_dates[^1]:yyyy-MM-dd} gives a rate; give one, or pass --fill previous to carry the last one forward");
            }

            _rates.Add(_currentRate ?? (_rates.Count > 0 ? _rates[^1] : 0.0));
        }

        private static double Optional(TextRow row, IReadOnlyList<string> columns, string column, Func<double, string?> bound) =>
            columns.Contains(column) && !row.IsEmpty(column) ? Checked(row, column, row.Number(column), bound) : 0.0;

        private static double Checked(TextRow row, string column, double value, Func<double, string?> bound) =>
            bound(value) is { } problem ? throw row.Error(column, problem) : value;
    }
}
