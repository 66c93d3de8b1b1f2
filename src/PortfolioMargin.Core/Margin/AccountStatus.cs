namespace PortfolioMargin.Core.Margin;

/// <summary>Where an account stands against its requirement.</summary>
public enum AccountStatus
{
    /// <summary>Equity covers initial margin.</summary>
    Healthy,

    /// <summary>Maintenance margin ≤ equity &lt; initial margin: the account must top up to initial margin.</summary>
    MarginCall,

    /// <summary>Equity below maintenance margin: positions are liquidated.</summary>
    Liquidation,
}

public static class AccountStatusNames
{
    /// <summary>The kebab-case names used in every output file.</summary>
    public static string ToWire(this AccountStatus status) => status switch
    {
        AccountStatus.Healthy => "healthy",
        AccountStatus.MarginCall => "margin-call",
        AccountStatus.Liquidation => "liquidation",

        // Never a default status: an unknown one would put an account into liquidation by accident.
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an account status"),
    };
}
