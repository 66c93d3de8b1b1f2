using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PortfolioMargin.Grains;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// A digest of what a run computes (market, config, book, output folder), so a re-submission of the same run id
/// can be told from a different run that reuses the id. File paths and the command line are left out: two clients
/// on two machines submit the same run from different paths.
/// </summary>
public static class RunFingerprint
{
    public static string Of(MarginRunRequest request)
    {
        var market = request.Market;
        var text = JsonSerializer.Serialize(new
        {
            market.AsOf,
            market.Currency,
            market.Rate,
            market.Underlyings,
            Correlation = market.Correlation.Cast<double>().ToArray(),
            Config = RunRecord.ConfigJson(request.Config).ToJsonString(),
            request.Positions,
            request.Collateral,
            request.OutputFolder,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
