using PortfolioMargin.Core.Backtesting;
using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The rules of a market history's rows, whatever file they come from: collects rows date by date, checking order,
/// duplicates, bounds and one rate per date as each row arrives and completeness (or <see cref="HistoryFill"/>) as
/// each date closes. The CSV and Parquet readers both hand it <see cref="TextRow"/>s, so the two formats cannot
/// drift apart.
/// </summary>
/// <param name="columns">The columns present, as <see cref="MarketHistoryColumns.Check"/> returned them.</param>
/// <param name="rowNoun">What <see cref="TextRow.Line"/> counts, for messages that point at another row: "line" in a CSV, "row" in Parquet.</param>
internal sealed class MarketHistoryBuilder(string fileName, HistoryFill fill, IReadOnlyList<string> columns, string rowNoun)
{
    private readonly List<DateOnly> _dates = [];
    private readonly List<string> _underlyings = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<double[]> _rows = [];
    private readonly List<double> _rates = [];
    private readonly bool _hasRate = columns.Contains("rate", StringComparer.Ordinal);
    private double[]?[] _current = [];
    private int _currentLine;
    private double? _currentRate;
    private int _rateLine;

    private const int Fields = 7;

    public void Add(TextRow row)
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
            Optional(row, "dividendYield", PlausibilityBounds.DividendYield),
            Optional(row, "skew", PlausibilityBounds.SmileCoefficient),
            Optional(row, "smile", PlausibilityBounds.SmileCoefficient),
            Optional(row, "volOfVol", PlausibilityBounds.VolOfVol),
            Optional(row, "spotVolCorrelation", PlausibilityBounds.SpotVolCorrelation),
        ];
        if (_hasRate && !row.IsEmpty("rate"))
        {
            var rate = Checked(row, "rate", row.Number("rate"), PlausibilityBounds.Rate);
            if (_currentRate is { } earlier && earlier != rate)
            {
                throw row.Error("rate", $"is {rate}, but {rowNoun} {_rateLine} gives {earlier} for {date:yyyy-MM-dd}: a date has one rate");
            }

            _currentRate = rate;
            _rateLine = row.Line;
        }
    }

    public MarketHistory Build()
    {
        if (_dates.Count == 0)
        {
            throw new InputException(fileName, 0, "", $"has no rows; expected one per date and underlying with {string.Join(",", MarketHistoryColumns.Required)}");
        }

        CloseDate();
        var n = _underlyings.Count;
        var size = _dates.Count * n;
        var fields = Enumerable.Range(0, Fields).Select(_ => new double[size]).ToArray();
        for (var i = 0; i < size; i++)
        {
            for (var f = 0; f < Fields; f++)
            {
                fields[f][i] = _rows[i][f];
            }
        }

        return new MarketHistory(
            _dates, _underlyings, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], [.. _rates]);
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
                        $"{_underlyings[u]} has no row on {_dates[^1]:yyyy-MM-dd} (the date starting at this {rowNoun}); give one, or pass --fill previous to carry its last close forward");
                }

                _current[u] = (double[])_rows[_rows.Count - _underlyings.Count + u].Clone();
            }
        }

        _rows.AddRange(_current!);
        if (_currentRate is null && _hasRate && (fill == HistoryFill.None || _rates.Count == 0))
        {
            throw new InputException(fileName, _currentLine, "rate", $"no row of {_dates[^1]:yyyy-MM-dd} gives a rate; give one, or pass --fill previous to carry the last one forward");
        }

        _rates.Add(_currentRate ?? (_rates.Count > 0 ? _rates[^1] : 0.0));
    }

    private double Optional(TextRow row, string column, Func<double, string?> bound) =>
        columns.Contains(column, StringComparer.Ordinal) && !row.IsEmpty(column) ? Checked(row, column, row.Number(column), bound) : 0.0;

    private static double Checked(TextRow row, string column, double value, Func<double, string?> bound) =>
        bound(value) is { } problem ? throw row.Error(column, problem) : value;
}
