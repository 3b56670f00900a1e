using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// The order in which shipped definitions are imported: a workflow another one uses (as an activity, or as the literal
/// child of <c>Elsa.ExecuteWorkflow</c> / <c>Elsa.DispatchWorkflow</c>) comes before its consumers, since a consumer is
/// refused while its child is not published. Otherwise file-name order, so an import is the same on every machine.
/// </summary>
public static class ShippedWorkflowOrder
{
    /// <summary>
    /// The files with their definitions, children first. Definitions that use each other in a cycle keep their
    /// file-name order at the end: publishing them names the cycle.
    /// </summary>
    public static IReadOnlyList<(string File, WorkflowDefinition Definition)> Sort(IEnumerable<(string File, WorkflowDefinition Definition)> shipped)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        var pending = shipped.OrderBy(s => s.File, StringComparer.Ordinal).ToList();
        var ids = pending.Select(s => s.Definition.DefinitionId).ToHashSet(StringComparer.Ordinal);
        // Each type name read once; should two shipped workflows share one, the first in file order stands for it here
        // (this only orders the import, it must not stop it).
        var idsByActivityType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, definition) in pending)
        {
            if (UsableAsActivity.TypeNameOf(definition) is { } typeName)
            {
                idsByActivityType.TryAdd(typeName, definition.DefinitionId);
            }
        }

        var uses = pending.ToDictionary(s => s.File, s => UsedShipped(s.Definition, ids, idsByActivityType), StringComparer.Ordinal);

        var sorted = new List<(string, WorkflowDefinition)>(pending.Count);
        var imported = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var next = pending.FindIndex(s => uses[s.File].All(imported.Contains));
            if (next < 0)
            {
                sorted.AddRange(pending);
                break;
            }

            sorted.Add(pending[next]);
            imported.Add(pending[next].Definition.DefinitionId);
            pending.RemoveAt(next);
        }

        return sorted;
    }

    // The other shipped definitions this one uses, nested nodes included.
    private static HashSet<string> UsedShipped(WorkflowDefinition definition, HashSet<string> shippedIds, Dictionary<string, string> idsByActivityType)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, _) in NestedActivities.Walk(definition))
        {
            var child = ChildWorkflowReferences.LiteralChildId(node) ?? idsByActivityType.GetValueOrDefault(node.Type);
            if (child is not null && child != definition.DefinitionId && shippedIds.Contains(child))
            {
                used.Add(child);
            }
        }

        return used;
    }
}
