using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Elsa's node ids: an activity's path from the root (<c>Flowchart1:WriteLine1</c>), by which Elsa Studio finds the
/// activity an execution record or incident is about. Our flowcharts are flat, so the path is the root's id and the
/// activity's; an id Elsa Studio wrote into the definition itself is kept.
/// </summary>
internal static class ElsaNodeIds
{
    /// <summary>The node id of every activity of <paramref name="definition"/>, by activity id.</summary>
    public static IReadOnlyDictionary<string, string> Of(WorkflowDefinition definition) =>
        definition.Root.Activities
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(definition.Root, g.First()), StringComparer.Ordinal);

    /// <summary>The node id of one activity.</summary>
    public static string Of(FlowchartDefinition root, ActivityNode activity) =>
        activity.Extensions["nodeId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? activity.Extensions["nodeId"]!.GetValue<string>()
            : $"{root.Id}:{activity.Id}";

    /// <summary>The node id of an activity id, or the root-based path when the definition does not have it (any more).</summary>
    public static string Lookup(IReadOnlyDictionary<string, string> nodeIds, string rootId, string activityId) =>
        nodeIds.TryGetValue(activityId, out var nodeId) ? nodeId : $"{rootId}:{activityId}";
}
