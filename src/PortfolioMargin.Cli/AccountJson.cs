using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;

namespace PortfolioMargin.Cli;

/// <summary>The `--json` document: {"accounts":[...]} with account Greeks in currency.</summary>
public static class AccountJson
{
    public static string Serialize(IReadOnlyList<AccountMargin> accounts)
    {
        var array = new JsonArray();
        foreach (var a in accounts)
        {
            array.Add(new JsonObject
            {
                ["account"] = a.Account,
                ["var"] = a.Horizon.ValueAtRisk,
                ["es"] = a.Horizon.ExpectedShortfall,
                ["esStdError"] = a.Horizon.ExpectedShortfallStdError,
                ["stressLoss"] = a.Stress.Loss,
                ["worstPriceMove"] = a.Stress.PriceMoveRelative,
                ["worstVolMove"] = a.Stress.VolMoveRelative,
                ["minimumCharge"] = a.Requirement.MinimumCharge,
                ["initialMargin"] = a.Requirement.InitialMargin,
                ["maintenanceMargin"] = a.Requirement.MaintenanceMargin,
                ["equity"] = a.Equity.Total,
                ["excess"] = a.Requirement.Excess,
                ["status"] = a.Status.ToWire(),
                ["delta"] = a.Greeks.DeltaCurrency,
                ["gamma"] = a.Greeks.GammaCurrencyPerPercent,
                ["vega"] = a.Greeks.VegaPerVolPoint,
                ["theta"] = a.Greeks.ThetaPerDay,
                ["strategyMargin"] = a.StrategyMargin,
                ["capitalSaving"] = a.CapitalSaving,
            });
        }

        return new JsonObject { ["accounts"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
