namespace PortfolioMargin.Core.Strategy;

/// <summary>Parameter checks shared by the strategy types: each names the field it rejects.</summary>
internal static class StrategyGuard
{
    public static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{field} must be a finite number, not {value}.", field);
        }
    }

    public static void NonNegative(double value, string field)
    {
        Finite(value, field);
        if (value < 0.0)
        {
            throw new ArgumentException($"{field} must not be negative, not {value}.", field);
        }
    }

    public static void Positive(double value, string field)
    {
        Finite(value, field);
        if (value <= 0.0)
        {
            throw new ArgumentException($"{field} must be positive, not {value}.", field);
        }
    }
}
