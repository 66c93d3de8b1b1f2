namespace PortfolioMargin.Core.Strategy;

/// <summary>
/// Names the combinations that Reg T initial margin recognises but charges exactly as their parts, so the packing
/// cannot tell them apart by cost: a credit and a debit vertical sharing their long body at equal intervals are a
/// short butterfly [TW-SBF]; a covered call with a long put left over is a collar, long stock with a long put a
/// protective put [CBOE-2007]. The total does not change; only the names (and the grouping of legs) do.
/// </summary>
internal static class StrategyNaming
{
    public static void Apply(List<FormedStrategy> formed, List<StrategyLeg> legs, double[] residual, StrategyParameters parameters)
    {
        ShortButterflies(formed, legs);
        Collars(formed, legs, residual, parameters);
        ProtectivePuts(formed, legs, residual, parameters);
        formed.RemoveAll(f => f.Multiplicity == 0);
    }

    private static void ShortButterflies(List<FormedStrategy> formed, List<StrategyLeg> legs)
    {
        var found = new List<FormedStrategy>();
        foreach (var credit in formed.Where(f => f.TypeName == StrategyTypeNames.CreditVertical))
        {
            foreach (var debit in formed.Where(f => f.TypeName == StrategyTypeNames.DebitVertical))
            {
                var body = credit.LegIndexes[1];
                if (debit.LegIndexes[1] != body || credit.Multiplicity == 0 || debit.Multiplicity == 0)
                {
                    continue;
                }

                var (creditShort, debitShort, longBody) = (legs[credit.LegIndexes[0]], legs[debit.LegIndexes[0]], legs[body]);
                var (lowerIndex, upperIndex) = creditShort.Strike < debitShort.Strike
                    ? (credit.LegIndexes[0], debit.LegIndexes[0])
                    : (debit.LegIndexes[0], credit.LegIndexes[0]);
                var (lower, upper) = (legs[lowerIndex], legs[upperIndex]);
                if (!CandidateGenerator.EqualIntervals(lower.Strike, longBody.Strike, upper.Strike) || !CandidateGenerator.SameSeries(creditShort, debitShort))
                {
                    continue;
                }

                var units = Math.Min(credit.Multiplicity, debit.Multiplicity);
                credit.Multiplicity -= units;
                debit.Multiplicity -= units;
                var requirement = SpreadRules.ShortButterfly(
                    lower.UnitPrice, longBody.UnitPrice, upper.UnitPrice, longBody.Strike - lower.Strike, longBody.Multiplier, 1.0);
                found.Add(new FormedStrategy(StrategyTypeNames.ShortButterfly, [lowerIndex, body, upperIndex], [1.0, 2.0, 1.0], requirement, units));
            }
        }

        formed.AddRange(found);
    }

    private static void Collars(List<FormedStrategy> formed, List<StrategyLeg> legs, double[] residual, StrategyParameters parameters)
    {
        var found = new List<FormedStrategy>();
        foreach (var covered in formed.Where(f => f.TypeName == StrategyTypeNames.CoveredCall))
        {
            var (stock, call) = (legs[covered.LegIndexes[0]], legs[covered.LegIndexes[1]]);
            foreach (var p in LongPuts(legs, call.Multiplier))
            {
                var units = (int)Math.Min(covered.Multiplicity, Math.Floor(residual[p] + PackingSolver.IntegerTolerance));
                if (units <= 0)
                {
                    continue;
                }

                var put = legs[p];
                covered.Multiplicity -= units;
                residual[p] = Math.Max(residual[p] - units, 0.0);
                var requirement = CoveredRules.Collar(
                    stock.UnitPrice, put.UnitPrice, call.Strike, call.UnitPrice, call.Multiplier, 1.0, put.Expiry, parameters.ValuationDate);
                found.Add(new FormedStrategy(
                    StrategyTypeNames.Collar, [covered.LegIndexes[0], p, covered.LegIndexes[1]], [covered.UsePerUnit[0], 1.0, 1.0], requirement, units));
            }
        }

        formed.AddRange(found);
    }

    private static void ProtectivePuts(List<FormedStrategy> formed, List<StrategyLeg> legs, double[] residual, StrategyParameters parameters)
    {
        for (var s = 0; s < legs.Count; s++)
        {
            var stock = legs[s];
            if (stock.Kind != LegKind.Spot || stock.Quantity <= 0.0)
            {
                continue;
            }

            foreach (var p in LongPuts(legs, multiplier: null))
            {
                var put = legs[p];
                var sharesPerPut = put.Multiplier / stock.Multiplier;
                var units = (int)Math.Min(
                    Math.Floor(residual[p] + PackingSolver.IntegerTolerance),
                    Math.Floor((residual[s] / sharesPerPut) + PackingSolver.IntegerTolerance));
                if (units <= 0)
                {
                    continue;
                }

                residual[p] = Math.Max(residual[p] - units, 0.0);
                residual[s] = Math.Max(residual[s] - (units * sharesPerPut), 0.0);
                var requirement = CoveredRules.ProtectivePut(stock.UnitPrice, put.UnitPrice, put.Multiplier, 1.0, put.Expiry, parameters.ValuationDate);
                formed.Add(new FormedStrategy(StrategyTypeNames.ProtectivePut, [s, p], [sharesPerPut, 1.0], requirement, units));
            }
        }
    }

    private static IEnumerable<int> LongPuts(List<StrategyLeg> legs, double? multiplier) =>
        Enumerable.Range(0, legs.Count).Where(i =>
            legs[i].Kind == LegKind.Put && legs[i].Quantity > 0.0 && (multiplier is null || legs[i].Multiplier == multiplier));
}
