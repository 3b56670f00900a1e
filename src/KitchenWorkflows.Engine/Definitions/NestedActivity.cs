namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// An activity held inside another one in Elsa's JSON: a loop's <c>body</c>, an If's <c>then</c>, one of a
/// Sequence's <c>activities</c>, a Switch case's <c>activity</c>, one of a Fork's <c>branches</c>.
/// </summary>
/// <param name="Slot">The property of the holder: body, then, else, default, activities, branches or cases.</param>
/// <param name="Index">The position in an array slot; null for a single-activity slot.</param>
/// <param name="Node">The nested activity.</param>
public sealed record NestedActivity(string Slot, int? Index, ActivityNode Node)
{
    /// <summary>The JSON path of the nested activity below its holder, such as <c>activities[2]</c> or <c>cases[0].activity</c>.</summary>
    public string RelativePath => (Slot, Index) switch
    {
        (NestedActivities.CasesSlot, { } index) => $"{Slot}[{index}].activity",
        (_, { } index) => $"{Slot}[{index}]",
        _ => Slot,
    };
}
