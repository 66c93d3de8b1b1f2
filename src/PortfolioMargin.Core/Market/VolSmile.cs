namespace PortfolioMargin.Core.Market;

/// <summary>
/// The snapshot's parametric smile: σ(K, T) = max(0.01, σ_ATM + skew·k + smile·k²), k = ln(K/F)/√T.
/// Shocking σ_ATM moves the whole smile in parallel, so the smile keeps its shape in k.
/// </summary>
public static class VolSmile
{
    public const double FloorVol = 0.01;

    public static double ImpliedVol(double atmVol, double skew, double smile, double strike, double forward, double years)
    {
        var k = Math.Log(strike / forward) / Math.Sqrt(years);
        return Math.Max(FloorVol, atmVol + skew * k + smile * k * k);
    }
}
