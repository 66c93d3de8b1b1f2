using PortfolioMargin.Core.Pricing;
using PortfolioMargin.Core.Risk;

namespace PortfolioMargin.Engine.Tests;

/// <summary>One long (or short) unit of a lognormal spot: VaR and ES have closed forms (docs/test-vectors.md §3.2).</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class SingleSpotTests(CpuAcceleratorFixture fixture)
{
    private const int Paths = 200_000;

    [Theory]
    [InlineData(1, 0.99, 2.411265, 2.756324)]
    [InlineData(2, 0.99, 3.396034, 3.878446)]
    [InlineData(2, 0.975, 2.870612, 3.411183)]
    [InlineData(10, 0.99, 7.462842, 8.490285)]
    public void Long_spot_var_and_es_are_within_four_standard_errors_of_the_lognormal_closed_form(
        int horizonDays, double confidence, double expectedVar, double expectedEs)
    {
        var config = new RiskConfig { HorizonDays = horizonDays, Confidence = confidence, Paths = Paths, Seed = 7 };
        var inputs = Books.Inputs(Books.Market(Books.Stock("S")), [Books.Spot("ACC", "S", 1)], config);

        var account = fixture.Engine().Run(inputs).Accounts.Single();

        Assert.InRange(account.Horizon.ExpectedShortfall, expectedEs - 4 * account.Horizon.ExpectedShortfallStdError, expectedEs + 4 * account.Horizon.ExpectedShortfallStdError);
        var varStdError = QuantileStdError(horizonDays / 365.0, confidence);
        Assert.InRange(account.Horizon.ValueAtRisk, expectedVar - 4 * varStdError, expectedVar + 4 * varStdError);
    }

    [Fact]
    public void Short_spot_es_matches_its_closed_form()
    {
        var config = new RiskConfig { Paths = Paths, Seed = 11 };
        var inputs = Books.Inputs(Books.Market(Books.Stock("S")), [Books.Spot("ACC", "S", -1)], config);

        var account = fixture.Engine().Run(inputs).Accounts.Single();

        Assert.InRange(account.Horizon.ExpectedShortfall, 4.014347 - 4 * account.Horizon.ExpectedShortfallStdError, 4.014347 + 4 * account.Horizon.ExpectedShortfallStdError);
    }

    [Fact]
    public void Student_t_innovations_fatten_the_99_percent_tail()
    {
        var normal = new RiskConfig { Paths = Paths, Seed = 3 };
        var studentT = normal with { Innovations = Innovations.StudentT, DegreesOfFreedom = 5 };
        var book = Books.Inputs(Books.Market(Books.Stock("S")), [Books.Spot("ACC", "S", 1)], normal);

        var normalEs = fixture.Engine().Run(book).Accounts.Single();
        var fatEs = fixture.Engine().Run(book with { Config = studentT }).Accounts.Single();

        // Unit-variance t(5) has its 99% quantile at 3.365·√(3/5) = 2.61 against the normal's 2.33.
        var gap = fatEs.Horizon.ExpectedShortfall - normalEs.Horizon.ExpectedShortfall;
        Assert.True(gap > 4 * Math.Sqrt(Math.Pow(fatEs.Horizon.ExpectedShortfallStdError, 2) + Math.Pow(normalEs.Horizon.ExpectedShortfallStdError, 2)));
    }

    /// <summary>√(α(1−α)/N) / f(VaR), with the loss density from the change of variable z → S0(1 − e^{−σ²h/2 + σ√h z}).</summary>
    private static double QuantileStdError(double h, double alpha)
    {
        var z = -InverseCdf(alpha);
        var sd = 0.2 * Math.Sqrt(h);
        var slope = 100.0 * sd * Math.Exp(-0.5 * sd * sd + sd * z);
        var density = NormalDistribution.Density(z) / slope;
        return Math.Sqrt(alpha * (1 - alpha) / Paths) / density;
    }

    private static double InverseCdf(double p)
    {
        double lo = -10, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (NormalDistribution.Cdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
