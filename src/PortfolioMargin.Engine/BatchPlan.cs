using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine;

/// <summary>
/// How a run is cut to fit the memory budget: half for the account rows (P&amp;L, the tail's scratch copy and,
/// with sub-steps, the path-worst loss), half for a path chunk's factors and instrument tile.
/// </summary>
public sealed record BatchPlan(int AccountsPerBatch, int AccountCount, int Paths, int Steps, int Underlyings, long ChunkBudgetBytes, int? MaxPathsPerChunk)
{
    public int BatchCount => AccountCount == 0 ? 0 : (AccountCount + AccountsPerBatch - 1) / AccountsPerBatch;

    public int RowsPerAccount => Steps > 1 ? 3 : 2;

    public static BatchPlan For(int accountCount, RiskConfig config, int underlyings, EngineOptions options)
    {
        var rowBytes = (long)config.Paths * sizeof(double) * (config.Steps > 1 ? 3 : 2);
        if (rowBytes > options.MemoryBudgetBytes / 2)
        {
            throw new MemoryBudgetException(
                $"one account's rows at {config.Paths:N0} paths take {Gigabytes(rowBytes)} (paths × 8 bytes × {(config.Steps > 1 ? 3 : 2)} rows), " +
                $"more than the half of the memory budget they may use ({Gigabytes(options.MemoryBudgetBytes / 2)}): run fewer paths");
        }

        var perBatch = (int)Math.Clamp(options.MemoryBudgetBytes / 2 / rowBytes, 1, Math.Max(1, accountCount));
        if (options.MaxAccountsPerBatch is { } cap)
        {
            perBatch = Math.Min(perBatch, Math.Max(1, cap));
        }

        return new BatchPlan(perBatch, accountCount, config.Paths, config.Steps, underlyings, options.MemoryBudgetBytes / 2, options.MaxPathsPerChunk);
    }

    private static string Gigabytes(long bytes) => $"{bytes / 1e9:0.###} GB";

    public IEnumerable<IReadOnlyList<string>> Batches(IReadOnlyList<string> accounts)
    {
        for (var start = 0; start < accounts.Count; start += AccountsPerBatch)
        {
            yield return accounts.Skip(start).Take(AccountsPerBatch).ToList();
        }
    }

    /// <summary>
    /// Paths per chunk for a batch of so many distinct instruments: what the budget allows, capped by the options
    /// and by what the backend runs best with.
    /// </summary>
    public int PathsPerChunk(int instruments, int? backendPreference = null)
    {
        // Factors, the instrument tile, and the attribution's spot bucket of every underlying.
        var perPath = (long)sizeof(double) * (2L * Steps * Underlyings + Math.Max(1, instruments)) + (long)sizeof(int) * Underlyings;
        if (perPath > ChunkBudgetBytes)
        {
            throw new MemoryBudgetException(
                $"one path's factors and instrument values take {Gigabytes(perPath)} ({Steps:N0} steps × {Underlyings:N0} underlyings × 2 + {instruments:N0} instruments, 8 bytes each), " +
                $"more than the half of the memory budget a path chunk may use ({Gigabytes(ChunkBudgetBytes)}): use fewer steps");
        }

        var paths = (int)Math.Clamp(ChunkBudgetBytes / perPath, 1, Paths);
        paths = MaxPathsPerChunk is { } cap ? Math.Min(paths, Math.Max(1, cap)) : paths;
        return backendPreference is { } preferred ? Math.Min(paths, Math.Max(1, preferred)) : paths;
    }
}

/// <summary>A run whose smallest unit of work does not fit the memory budget: refused before anything is allocated (bad input, exit 2).</summary>
public sealed class MemoryBudgetException(string message) : Exception(message);
