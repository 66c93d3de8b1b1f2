using System.Reflection;

namespace PortfolioMargin.Cli.Tests.Architecture;

/// <summary>
/// Dependencies point one way: the domain core references none of the others, and neither a Parquet reader
/// (Storage) nor a cluster client (Grains.Abstractions) nor the report writer (Reporting) loads the engine, let alone a GPU compiler.
/// </summary>
public sealed class DependencyDirectionTests
{
    [Theory]
    [InlineData("PortfolioMargin.Core", "")]
    [InlineData("PortfolioMargin.Engine", "PortfolioMargin.Core")]
    [InlineData("PortfolioMargin.Storage", "PortfolioMargin.Core")]
    [InlineData("PortfolioMargin.Grains.Abstractions", "PortfolioMargin.Core")]
    [InlineData("PortfolioMargin.Kernels", "ILGPU,PortfolioMargin.Core,PortfolioMargin.Engine")]
    [InlineData("PortfolioMargin.Reporting", "PortfolioMargin.Core,PortfolioMargin.Storage")]
    public void Each_project_references_only_the_projects_below_it(string assembly, string allowed)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("PortfolioMargin.", StringComparison.Ordinal) || name == "ILGPU")
            .Order(StringComparer.Ordinal);

        Assert.Equal(allowed.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), references);
    }

    [Fact]
    public void The_domain_core_parses_no_file_format()
    {
        // Every reader and writer lives in Storage; the core keeps the domain and the math.
        var references = typeof(Core.Margin.AccountMargin).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("System.Text.Json", references);
        Assert.DoesNotContain("Parquet.Net", references);
        Assert.DoesNotContain(typeof(Core.Margin.AccountMargin).Assembly.GetTypes(), t => t.Namespace == "PortfolioMargin.Core.Input" && t.Name.EndsWith("Json", StringComparison.Ordinal));
    }
}
