using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>Activities as ops see them on the canvas (the title they gave it, else its name), for paths and differences.</summary>
public static class ActivityLabels
{
    /// <summary>The label of every activity of the definition, nested ones too, by id.</summary>
    public static IReadOnlyDictionary<string, string> Of(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, _) in NestedActivities.Walk(definition))
        {
            labels.TryAdd(node.Id, node.Metadata["displayText"]?.GetValue<string>() is { Length: > 0 } title ? title : node.Name ?? node.Id);
        }

        return labels;
    }

    /// <summary>The label of one activity; its id when the definition has no such activity.</summary>
    public static string Label(this IReadOnlyDictionary<string, string> labels, string activityId) =>
        labels.TryGetValue(activityId, out var label) ? label : activityId;
}
