using System.Reflection;
using System.Runtime.CompilerServices;

namespace PortfolioMargin.Cli.Tests.Architecture;

/// <summary>A type's namespace begins with its assembly's name, so a reader finds a type's project from its name.</summary>
public sealed class NamespaceTests
{
    [Theory]
    [InlineData("PortfolioMargin.Core", "PortfolioMargin.Core")]
    [InlineData("PortfolioMargin.Engine", "PortfolioMargin.Engine")]
    [InlineData("PortfolioMargin.Storage", "PortfolioMargin.Storage")]
    [InlineData("PortfolioMargin.Grains.Abstractions", "PortfolioMargin.Grains.Abstractions")]
    [InlineData("PortfolioMargin.Kernels", "PortfolioMargin.Kernels")]
    [InlineData("PortfolioMargin.Reporting", "PortfolioMargin.Reporting")]
    [InlineData("PortfolioMargin.Silo", "PortfolioMargin.Silo")]
    [InlineData("PortfolioMargin.Backtest", "PortfolioMargin.Backtest")]
    [InlineData("pm", "PortfolioMargin.Cli")] // the executable is `pm`; its root namespace is the project's name
    public void Every_type_lives_under_its_assembly_name(string assembly, string rootNamespace)
    {
        var ours = Assembly.Load(assembly).GetTypes()
            .Where(t => t.DeclaringType is null && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => !IsGenerated(t))
            .ToList();
        var strays = ours
            .Where(t => t.Namespace is null || !(t.Namespace == rootNamespace || t.Namespace.StartsWith(rootNamespace + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(ours);
        Assert.Empty(strays);
    }

    // Code the compilers and source generators add (Orleans' serializers and proxies, the regex and JSON
    // generators, embedded attributes, top-level Program): not ours to name.
    private static bool IsGenerated(Type type) =>
        type.Name.StartsWith('<')
        || type.Name == "Program"
        || type.Namespace is { } ns && (ns.StartsWith("OrleansCodeGen", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || ns.StartsWith("System.", StringComparison.Ordinal)
            || ns == "System");
}
