namespace PortfolioMargin.Core.Backtesting;

/// <summary>
/// A margin model with the anti-procyclicality tools it carries, named as the output names it: the model alone
/// (<c>fhs</c>) or the model and its tools (<c>fhs+stress+buffer</c>). The core model (its VaR, ES and their
/// tests) is the same with or without tools; only the requirement, and so the coverage ratio and the
/// procyclicality measures, change. A run can hold a model with and without tools side by side.
/// </summary>
public sealed record MarginModelSpec(MarginModel Model, AntiProcyclicalityTools Tools = AntiProcyclicalityTools.None)
{
    public string Name => string.Join("+", Tools.Each().Select(t => t.Name()).Prepend(Model.Name()));

    public override string ToString() => Name;

    public static implicit operator MarginModelSpec(MarginModel model) => new(model);

    /// <summary>A spec from its name (<c>ewma</c>, <c>fhs+buffer</c>, tools in any order), or the problem with it.</summary>
    public static (MarginModelSpec? Spec, string? Problem) Parse(string name)
    {
        var parts = name.Split('+', StringSplitOptions.TrimEntries);
        if (MarginModelNames.Parse(parts[0]) is not { } model)
        {
            return (null, $"'{parts[0]}' is not one of implied, ewma, fhs");
        }

        var tools = AntiProcyclicalityTools.None;
        foreach (var part in parts.Skip(1))
        {
            if (AntiProcyclicalityToolNames.Parse(part) is not { } tool)
            {
                return (null, $"'{part}' in '{name}' is not an anti-procyclicality tool (buffer, stress, tenyear)");
            }

            if (tools.HasFlag(tool))
            {
                return (null, $"'{name}' names {part} twice");
            }

            tools |= tool;
        }

        return (new MarginModelSpec(model, tools), null);
    }
}
