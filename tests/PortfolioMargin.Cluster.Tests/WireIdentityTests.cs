using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Grains.Abstractions.Surrogates;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// The names Orleans writes for our types (grain interface ids, a message whose type is not known from its field)
/// are aliases, not the C# namespaces: moving a type to another namespace or assembly must not change the wire or
/// what Redis holds. The aliases keep the names the types had before the namespace was renamed to match its
/// assembly (PortfolioMargin.Grains → PortfolioMargin.Grains.Abstractions).
/// </summary>
public sealed class WireIdentityTests
{
    private static readonly Assembly Contracts = typeof(IAccountGrain).Assembly;

    public static TheoryData<string> SerializedTypesAndGrainInterfaces()
    {
        var data = new TheoryData<string>();
        foreach (var type in Contracts.GetTypes().Where(IsOnTheWire).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static bool IsOnTheWire(Type type) =>
        type.GetCustomAttribute<GenerateSerializerAttribute>() is not null
        || (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type));

    [Theory]
    [MemberData(nameof(SerializedTypesAndGrainInterfaces))]
    public void Every_serialized_type_and_grain_interface_has_a_stable_alias(string fullName)
    {
        var type = Contracts.GetType(fullName, throwOnError: true)!;

        var alias = type.GetCustomAttribute<AliasAttribute>();

        Assert.NotNull(alias);
        Assert.Equal("PortfolioMargin.Grains." + (type.Namespace!.EndsWith(".Surrogates", StringComparison.Ordinal) ? "Surrogates." : "") + type.Name, alias.Alias);
    }

    [Fact]
    public void A_message_sent_as_an_object_carries_its_alias_not_its_namespace()
    {
        var wire = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(PositionRiskConverter).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        object move = new UnderlyingMove("SPY", 500, null);

        var bytes = wire.SerializeToArray(move);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("PortfolioMargin.Grains.UnderlyingMove", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Grains.Abstractions", text, StringComparison.Ordinal);
        Assert.Equal(move, wire.Deserialize<object>(bytes));
    }
}
