namespace KitchenWorkflows.Engine.Definitions;

/// <summary>The properties through which Elsa's JSON nests activities in activities, and a walk over every node of a definition.</summary>
public static class NestedActivities
{
    /// <summary>A flowchart's or a Sequence's or a Parallel's activities.</summary>
    public const string ActivitiesSlot = "activities";

    /// <summary>A structured Fork's branches.</summary>
    public const string BranchesSlot = "branches";

    /// <summary>A Switch's cases, each with its activity.</summary>
    public const string CasesSlot = "cases";

    /// <summary>Properties that hold one activity: a loop's or a FlowNode's body, an If's branches, a Switch's default.</summary>
    public static IReadOnlyList<string> SingleSlots { get; } = ["body", "then", "else", "default"];

    /// <summary>Properties that hold an array of activities.</summary>
    public static IReadOnlyList<string> ArraySlots { get; } = [ActivitiesSlot, BranchesSlot];

    /// <summary>
    /// Every activity node of a definition with its JSON path, depth first in document order: the root's
    /// activities (or the root activity itself), then what each one nests.
    /// </summary>
    public static IEnumerable<(ActivityNode Node, string Path)> Walk(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var root = definition.Root;
        if (root.IsSingleActivity)
        {
            return Walk(root.RootActivity!, "$.root");
        }

        return root.Activities.SelectMany((node, i) => Walk(node, $"$.root.activities[{i}]"));
    }

    /// <summary>A node and, below it, every node it nests, with their JSON paths.</summary>
    public static IEnumerable<(ActivityNode Node, string Path)> Walk(ActivityNode node, string path)
    {
        yield return (node, path);
        foreach (var nested in node.Nested)
        {
            foreach (var inner in Walk(nested.Node, $"{path}.{nested.RelativePath}"))
            {
                yield return inner;
            }
        }
    }
}
