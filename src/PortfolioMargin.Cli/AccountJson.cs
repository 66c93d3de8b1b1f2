using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Engine;

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
                ["var"] = a.ValueAtRisk,
                ["es"] = a.ExpectedShortfall,
                ["esStdError"] = a.ExpectedShortfallStdError,
                ["stressLoss"] = a.StressLoss,
                ["worstPriceMove"] = a.WorstPriceMove,
                ["worstVolMove"] = a.WorstVolMove,
                ["minimumCharge"] = a.MinimumCharge,
                ["initialMargin"] = a.InitialMargin,
                ["maintenanceMargin"] = a.MaintenanceMargin,
                ["equity"] = a.Equity,
                ["excess"] = a.Excess,
                ["status"] = a.Status.ToWire(),
                ["delta"] = a.Delta,
                ["gamma"] = a.Gamma,
                ["vega"] = a.Vega,
                ["theta"] = a.Theta,
            });
        }

        return new JsonObject { ["accounts"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
