using Parquet;
using Parquet.Schema;

namespace PortfolioMargin.Cli.Tests.Input;

/// <summary>A scratch folder of input files, deleted when the test ends.</summary>
internal sealed class TempInputFiles : IDisposable
{
    public const string Market = """
        {
          "asOf": "2026-11-24T16:00:00Z",
          "currency": "USD",
          "rate": 0.04,
          "underlyings": [
            { "id": "SPX", "spot": 5000, "dividendYield": 0.015, "atmVol": 0.18 }
          ]
        }
        """;

    public const string Positions = """
        account,type,underlying,quantity,multiplier,strike,expiry,right
        A1,spot,SPX,10,,,,
        A1,option,SPX,-1,100,5100,2026-12-18,call
        """;

    public const string Collateral = """
        account,asset,amount
        A1,USD,100000
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-input-").FullName;

    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a Parquet file with the given typed columns, all in one row group.</summary>
    public async Task<string> WriteParquetAsync(string name, params (DataField Field, Array Values)[] columns)
    {
        var path = Path.Combine(_folder, name);
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            switch (values)
            {
                case string?[] text:
                    await group.WriteAsync(field, text);
                    break;
                case double[] numbers:
                    await group.WriteAsync<double>(field, numbers.AsMemory());
                    break;
                case double?[] numbers:
                    await group.WriteAsync<double>(field, numbers.AsMemory());
                    break;
                case DateOnly?[] dates:
                    await group.WriteAsync<DateOnly>(field, dates.AsMemory());
                    break;
                default:
                    throw new ArgumentException($"no writer for {values.GetType()}", nameof(columns));
            }
        }

        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
