namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Pairs one account's legs on one underlying into the strategies of least total requirement. Formulation: net the
/// legs; every leg left outright costs its outright charge per contract (naked short, long premium, stock or futures
/// margin); every candidate strategy saves a fixed amount per unit against its legs charged outright; choosing integer
/// units of candidates within each leg's contract count to maximise the savings is an integer packing problem,
/// solved exactly by <see cref="PackingSolver"/>. Short proceeds are the same however the legs are paired, so
/// minimising the requirement including premium also minimises it excluding proceeds.
/// </summary>
public static class StrategyPairing
{
    public static UnderlyingStrategyMargin Optimize(IEnumerable<StrategyLeg> legs, StrategyUnderlying underlying, StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(underlying);
        ArgumentNullException.ThrowIfNull(parameters);
        var net = NetLegs.Of(legs);
        var outright = net.Select(l => OutrightCharges.For(l, underlying, parameters)).ToArray();
        var outrightPerUnit = outright.Select(o => o.PerUnit.RequirementIncludingPremium).ToArray();
        var candidates = CandidateGenerator.Generate(net, underlying, outrightPerUnit, parameters.CandidateLimit, out var truncated);
        var solution = PackingSolver.Solve(Problem(net, candidates), parameters.NodeLimit);

        var residual = net.Select(l => Math.Abs(l.Quantity)).ToArray();
        var formed = new List<FormedStrategy>();
        for (var t = 0; t < candidates.Count; t++)
        {
            var units = solution.Multiplicities[t];
            if (units == 0)
            {
                continue;
            }

            var c = candidates[t];
            formed.Add(new FormedStrategy(c.TypeName, c.LegIndexes, c.UsePerUnit, c.RequirementPerUnit, units));
            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                residual[c.LegIndexes[k]] -= c.UsePerUnit[k] * units;
            }
        }

        for (var i = 0; i < residual.Length; i++)
        {
            // Whole contracts were taken from a count that may be fractional (shares): snap rounding dust to zero.
            residual[i] = residual[i] <= PackingSolver.IntegerTolerance * (1.0 + Math.Abs(net[i].Quantity)) ? 0.0 : residual[i];
        }

        StrategyNaming.Apply(formed, net, residual, parameters);
        var strategies = formed.Select(f => Report(f, net)).ToList();
        for (var i = 0; i < net.Count; i++)
        {
            if (residual[i] > 0.0)
            {
                var leg = net[i].WithQuantity(Math.Sign(net[i].Quantity));
                strategies.Add(new StrategyInstance(outright[i].TypeName, [leg], residual[i], outright[i].PerUnit.Times(residual[i])));
            }
        }

        var total = StrategyRequirement.Zero;
        foreach (var strategy in strategies)
        {
            total += strategy.Requirement;
        }

        return new UnderlyingStrategyMargin(underlying.Name, strategies, total, solution.ProvenOptimal && !truncated, solution.NodesSolved);
    }

    internal static PackingProblem Problem(List<StrategyLeg> net, List<CandidateStrategy> candidates)
    {
        var use = new double[net.Count * candidates.Count];
        for (var t = 0; t < candidates.Count; t++)
        {
            var c = candidates[t];
            for (var k = 0; k < c.LegIndexes.Length; k++)
            {
                use[(c.LegIndexes[k] * candidates.Count) + t] += c.UsePerUnit[k];
            }
        }

        return new PackingProblem(
            net.Count,
            candidates.Count,
            net.Select(l => Math.Abs(l.Quantity)).ToArray(),
            candidates.Select(c => c.SavingsPerUnit).ToArray(),
            use);
    }

    private static StrategyInstance Report(FormedStrategy f, List<StrategyLeg> net)
    {
        var legs = new StrategyLeg[f.LegIndexes.Length];
        for (var k = 0; k < legs.Length; k++)
        {
            var leg = net[f.LegIndexes[k]];
            legs[k] = leg.WithQuantity(Math.Sign(leg.Quantity) * f.UsePerUnit[k]);
        }

        return new StrategyInstance(f.TypeName, legs, f.Multiplicity, f.RequirementPerUnit.Times(f.Multiplicity));
    }
}
