using ILGPU;
using PortfolioMargin.Core.Pricing;

namespace PortfolioMargin.Kernels;

/// <summary>
/// Distinct instruments at one valuation date, structure of arrays: the fields of <see cref="PricingTerms"/>,
/// prepared once on the host, so a path costs the device one logarithm and two normal CDFs per option instead of
/// also three exponentials, a logarithm and a square root.
/// </summary>
internal struct PricingTable
{
    public ArrayView<int> Type;
    public ArrayView<int> UnderlyingIndex;
    public ArrayView<double> Omega;
    public ArrayView<double> Strike;
    public ArrayView<double> Years;
    public ArrayView<double> Carry;
    public ArrayView<double> DividendDiscount;
    public ArrayView<double> RateDiscount;
    public ArrayView<double> SqrtYears;
    public ArrayView<double> LogStrikeLessCarry;
    public ArrayView<double> Skew;
    public ArrayView<double> Smile;

    /// <summary>Unit value in the base market, the zero of every P&amp;L.</summary>
    public ArrayView<double> BaseValue;

    public int Instruments;

    public PricingTerms Terms(int i) => new(
        Type[i], Omega[i], Strike[i], Years[i], Carry[i], DividendDiscount[i], RateDiscount[i],
        SqrtYears[i], LogStrikeLessCarry[i], Skew[i], Smile[i]);
}
