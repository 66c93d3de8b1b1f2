namespace PortfolioMargin.Storage.Tests.Input;

/// <summary>A small market history as CSV text, shared by the CSV tests and the Parquet tests that convert it.</summary>
internal static class HistoryText
{
    public const string Header = "date,underlying,spot,atmVol,rate\n";

    /// <summary>Two dates of two underlyings, rows in a different order on each date.</summary>
    public const string Good = Header +
        "2024-01-02,AAA,100,0.2,0.03\n" +
        "2024-01-02,BBB,50,0.3,0.03\n" +
        "2024-01-03,BBB,51,0.31,0.031\n" +
        "2024-01-03,AAA,101,0.21,0.031\n";
}
