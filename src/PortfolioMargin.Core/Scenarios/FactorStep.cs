namespace PortfolioMargin.Core.Scenarios;

/// <summary>
/// One sub-step of the factor dynamics, shared by the ILGPU kernel and the host backend so that both evolve a
/// path with the same arithmetic: zero-drift lognormal spot and lognormal ATM vol (docs/model.md §2).
/// </summary>
public static class FactorStep
{
    public static double Spot(double spot, double vol, double stepYears, double sqrtStepYears, double z) =>
        spot * Math.Exp(-0.5 * vol * vol * stepYears + vol * sqrtStepYears * z);

    public static double AtmVol(double vol, double volOfVol, double stepYears, double sqrtStepYears, double w) =>
        vol * Math.Exp(-0.5 * volOfVol * volOfVol * stepYears + volOfVol * sqrtStepYears * w);

    /// <summary>The vol innovation W = ρ·Z + √(1 − ρ²)·ε, correlated ρ with its own spot's Z.</summary>
    public static double VolShock(double spotVolCorrelation, double z, double epsilon) =>
        spotVolCorrelation * z + Math.Sqrt(1.0 - spotVolCorrelation * spotVolCorrelation) * epsilon;
}
