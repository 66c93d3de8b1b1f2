using Orleans.Storage;

namespace PortfolioMargin.Silo;

/// <summary>
/// Writing grain state after a silo died: for a moment a second activation of the same grain can exist, and the
/// older one's write then fails on a stale ETag. That activation steps aside (deactivates), and the caller's retry
/// reads the newer state in a fresh one.
/// </summary>
internal static class StepAsideOnConflict
{
    public static async Task WriteStateAsync<T>(IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            deactivate();
            throw;
        }
    }
}
