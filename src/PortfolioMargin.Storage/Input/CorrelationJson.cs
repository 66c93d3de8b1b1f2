using System.Text.Json;
using PortfolioMargin.Core.Market;
using PortfolioMargin.Core.Scenarios;

namespace PortfolioMargin.Storage.Input;

/// <summary>
/// The snapshot's <c>correlation</c> block: <c>ids[]</c> and a matrix in that order. The result is ordered as the
/// snapshot's underlyings; pairs not given are uncorrelated. Embedding a valid matrix in an identity keeps it
/// positive semi-definite, so validating the matrix as given validates the result.
/// </summary>
internal static class CorrelationJson
{
    public static double[,] Read(JsonObjectReader block, IReadOnlyList<Underlying> underlyings)
    {
        block.RejectUnknownKeys("ids", "matrix", "repair");
        var ids = ReadIds(block, underlyings);
        var given = ReadMatrix(block, ids.Count);
        if (ReadRepair(block))
        {
            // Only definiteness is repaired: asymmetry, a bad diagonal or an entry outside [−1, 1] is still a typo to fix.
            var shape = CorrelationFactor.Validate(given, ids, checkDefiniteness: false);
            if (shape is not null)
            {
                throw block.Error("matrix", shape);
            }

            if (CorrelationFactor.Validate(given, ids) is not null)
            {
                given = NearestCorrelation.Repair(given);
            }
        }

        var problem = CorrelationFactor.Validate(given, ids);
        if (problem is not null)
        {
            throw block.Error("matrix", problem);
        }

        var correlation = MarketSnapshot.Identity(underlyings.Count);
        var underlyingIndex = IndexOf(underlyings);
        var index = ids.Select(id => underlyingIndex[id]).ToArray();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = 0; j < ids.Count; j++)
            {
                correlation[index[i], index[j]] = given[i, j];
            }
        }

        return correlation;
    }

    /// <summary><c>"repair": "nearest"</c> opts in to Higham's nearest correlation matrix; <c>"none"</c> (the default) does not.</summary>
    private static bool ReadRepair(JsonObjectReader block) => !block.Has("repair") ? false : block.Text("repair") switch
    {
        "none" => false,
        "nearest" => true,
        var other => throw block.Error("repair", $"'{other}' is not one of none, nearest"),
    };

    private static Dictionary<string, int> IndexOf(IReadOnlyList<Underlying> underlyings)
    {
        var index = new Dictionary<string, int>(underlyings.Count, StringComparer.Ordinal);
        for (var i = 0; i < underlyings.Count; i++)
        {
            index.TryAdd(underlyings[i].Id, i);
        }

        return index;
    }

    private static List<string> ReadIds(JsonObjectReader block, IReadOnlyList<Underlying> underlyings)
    {
        // Sets, not searches: a snapshot of 20,000 underlyings would be 10^8 comparisons per id list otherwise.
        var known = IndexOf(underlyings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        var elements = block.Array("ids");
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonLineMap.Element(block.PathOf("ids"), i);
            if (elements[i].ValueKind != JsonValueKind.String)
            {
                throw block.Input.Error(path, $"must be an underlying id, found {JsonInput.Describe(elements[i])}");
            }

            var id = elements[i].GetString()!;
            if (!known.ContainsKey(id))
            {
                throw block.Input.Error(path, $"'{id}' is not one of the snapshot's underlyings");
            }

            if (!seen.Add(id))
            {
                throw block.Input.Error(path, $"'{id}' is listed twice");
            }

            ids.Add(id);
        }

        return ids;
    }

    private static double[,] ReadMatrix(JsonObjectReader block, int size)
    {
        var rows = block.Array("matrix");
        if (rows.Count != size)
        {
            throw block.Error("matrix", $"has {rows.Count} rows, expected {size} (one per id)");
        }

        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            var rowPath = JsonLineMap.Element(block.PathOf("matrix"), i);
            if (rows[i].ValueKind != JsonValueKind.Array)
            {
                throw block.Input.Error(rowPath, $"must be an array of {size} numbers, found {JsonInput.Describe(rows[i])}");
            }

            if (rows[i].GetArrayLength() != size)
            {
                throw block.Input.Error(rowPath, $"has {rows[i].GetArrayLength()} entries, expected {size} (one per id)");
            }

            var j = 0;
            foreach (var entry in rows[i].EnumerateArray())
            {
                matrix[i, j] = block.Input.Number(entry, JsonLineMap.Element(rowPath, j));
                j++;
            }
        }

        return matrix;
    }
}
