using System.Collections.Concurrent;
using PortfolioMargin.Core.Runs;
using PortfolioMargin.Engine.MonteCarlo;

namespace PortfolioMargin.Engine;

/// <summary>
/// Collects every account's <see cref="AccountDetail"/> while its batch is still resident: the report's accounts
/// (the largest requirements, the liquidations) are known only once the requirements are, after the last batch,
/// so the histogram of each account is taken from its horizon row before the batch's buffers go. A histogram and
/// a grid are about 1 kB an account (100 MB for book L's 100,000), against the rows' 8 bytes a path; the rows
/// themselves are never kept.
/// </summary>
internal sealed class AccountDetails
{
    private readonly ConcurrentDictionary<string, AccountDetail> _details = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AccountDetail> All => _details;

    /// <param name="grid">The batch's grid, built with its account P&amp;L kept (<see cref="StressScenarios.AccountPnl"/>).</param>
    public void Record(IBatchStages stages, BookLayout layout, int paths, StressScenarios grid)
    {
        var cells = grid.AccountPnl ?? throw new InvalidOperationException("the stress grid was built without keeping its account P&L");
        var row = new double[paths];
        for (var a = 0; a < layout.Accounts.Count; a++)
        {
            stages.ReadHorizonRow(a, row);
            for (var p = 0; p < row.Length; p++)
            {
                row[p] = -row[p];
            }

            var (lowest, width, counts) = AccountDetail.Histogram(row);
            var stress = new StressCell[grid.Count];
            for (var s = 0; s < stress.Length; s++)
            {
                stress[s] = new StressCell(grid.Points[s].PriceMove, grid.Points[s].VolMove, -cells[a * grid.Count + s]);
            }

            _details[layout.Accounts[a]] = new AccountDetail(layout.Accounts[a], lowest, width, counts, stress);
        }
    }
}
