namespace PortfolioMargin.Core.Margin;

/// <summary>
/// The requirement and the account's standing against it: IM = max(ES, worst stress loss, minimum charge),
/// MM = maintenance ratio × IM, excess = equity − IM; all in the book's currency.
/// </summary>
public sealed record MarginRequirement(
    double MinimumCharge,
    double InitialMargin,
    double MaintenanceMargin,
    double Excess,
    AccountStatus Status)
{
    public static MarginRequirement Assess(
        double expectedShortfall, double worstStressLoss, double minimumCharge, double maintenanceRatio, double equity)
    {
        var initial = Math.Max(Math.Max(expectedShortfall, worstStressLoss), Math.Max(minimumCharge, 0.0));
        var maintenance = maintenanceRatio * initial;
        var status = equity >= initial
            ? AccountStatus.Healthy
            : equity >= maintenance ? AccountStatus.MarginCall : AccountStatus.Liquidation;
        return new MarginRequirement(minimumCharge, initial, maintenance, equity - initial, status);
    }
}
