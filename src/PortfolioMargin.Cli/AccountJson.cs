using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PortfolioMargin.Core.Margin;
using PortfolioMargin.Core.Portfolio;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Cli;

/// <summary>
/// The `--json` document: {"accounts":[...]} with account Greeks in currency, each account with its positions in
/// the positions file's order, as positions.parquet has them, attribution included.
/// </summary>
internal static class AccountJson
{
    public static string Serialize(IReadOnlyList<AccountMargin> accounts, IReadOnlyList<PositionRisk> positions)
    {
        // One pass over the book, not one per account.
        var byAccount = new Dictionary<string, JsonArray>(accounts.Count, StringComparer.Ordinal);
        foreach (var p in positions)
        {
            if (!byAccount.TryGetValue(p.Position.Account, out var list))
            {
                byAccount[p.Position.Account] = list = [];
            }

            list.Add(Position(p));
        }

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
                ["positions"] = byAccount.Remove(a.Account, out var held) ? held : new JsonArray(),
            });
        }

        return new JsonObject { ["accounts"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>One position as positions.parquet has it (without unit_value), its Greeks in underlying units.</summary>
    private static JsonObject Position(PositionRisk p) => new()
    {
        ["line"] = p.Position.SourceLine,
        ["type"] = ResultFiles.TypeName(p.Position.Type),
        ["underlying"] = p.Position.Underlying,
        ["quantity"] = p.Position.Quantity,
        ["multiplier"] = p.Position.Multiplier,
        ["strike"] = p.Position.Strike,
        ["expiry"] = p.Position.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["right"] = ResultFiles.RightName(p.Position.Right),
        ["value"] = p.MarketValue,
        ["delta"] = p.DeltaUnderlyingUnits,
        ["gamma"] = p.GammaUnderlyingUnits,
        ["vega"] = p.VegaPerVolPoint,
        ["theta"] = p.ThetaPerDay,
        ["esContribution"] = p.Attribution?.EsContribution,
        ["stressContribution"] = p.Attribution?.StressContribution,
        ["incrementalEs"] = p.Attribution?.IncrementalEs,
    };
}
