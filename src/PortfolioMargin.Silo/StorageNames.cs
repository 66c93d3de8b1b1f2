namespace PortfolioMargin.Silo;

/// <summary>The grain-storage provider every grain of this silo persists to (memory or Redis, by config).</summary>
internal static class StorageNames
{
    public const string Margin = "margin";
}
