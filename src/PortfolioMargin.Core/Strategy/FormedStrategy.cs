namespace PortfolioMargin.Core.Strategy;

/// <summary>A strategy the pairing formed, in leg indexes, before it is reported: a candidate and how many units of it.</summary>
internal sealed class FormedStrategy(string typeName, int[] legIndexes, double[] usePerUnit, StrategyRequirement requirementPerUnit, int multiplicity)
{
    public string TypeName { get; } = typeName;

    public int[] LegIndexes { get; } = legIndexes;

    public double[] UsePerUnit { get; } = usePerUnit;

    public StrategyRequirement RequirementPerUnit { get; } = requirementPerUnit;

    public int Multiplicity { get; set; } = multiplicity;
}
