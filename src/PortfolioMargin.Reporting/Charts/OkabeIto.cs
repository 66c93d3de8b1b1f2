using ScottPlot;

namespace PortfolioMargin.Reporting.Charts;

/// <summary>
/// Okabe and Ito's eight colours (Color Universal Design, 2008): told apart with every common colour-vision
/// deficiency. Status colours also differ in marker shape, so no chart relies on colour alone.
/// </summary>
internal static class OkabeIto
{
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    public static Color Healthy => BluishGreen;

    public static Color MarginCall => Orange;

    public static Color Liquidation => Vermillion;
}
