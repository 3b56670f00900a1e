using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>What changed between two versions: activities added or removed, inputs changed, connections added or removed.</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DiffLine> Compare(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var lines = new List<DiffLine>();
        var before = older.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var after = newer.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var removed in before.Values.Where(a => !after.ContainsKey(a.Id)))
        {
            lines.Add(new DiffLine(DiffKind.Removed, removed.Id, null, $"{removed.DisplayText} ({removed.Type})", null));
        }

        foreach (var activity in newer.Root.Activities)
        {
            if (!before.TryGetValue(activity.Id, out var old))
            {
                lines.Add(new DiffLine(DiffKind.Added, activity.Id, null, null, $"{activity.DisplayText} ({activity.Type})"));
                continue;
            }

            if (old.DisplayText != activity.DisplayText)
            {
                lines.Add(new DiffLine(DiffKind.Changed, activity.Id, "display text", old.DisplayText, activity.DisplayText));
            }

            foreach (var name in old.Inputs.Keys.Union(activity.Inputs.Keys))
            {
                var was = Describe(old.Inputs.GetValueOrDefault(name));
                var now = Describe(activity.Inputs.GetValueOrDefault(name));
                if (was != now)
                {
                    lines.Add(new DiffLine(DiffKind.Changed, activity.Id, name, was, now));
                }
            }
        }

        var oldConnections = older.Root.Connections.Select(Describe).ToHashSet(StringComparer.Ordinal);
        var newConnections = newer.Root.Connections.Select(Describe).ToHashSet(StringComparer.Ordinal);
        lines.AddRange(oldConnections.Except(newConnections).Select(c => new DiffLine(DiffKind.Removed, null, "connection", c, null)));
        lines.AddRange(newConnections.Except(oldConnections).Select(c => new DiffLine(DiffKind.Added, null, "connection", null, c)));
        return lines;
    }

    private static string? Describe(ActivityInput? input) =>
        input?.Expression is { } e ? $"{e.Type}: {e.Text}" : null;

    private static string Describe(Connection c) => $"{c.Source}.{c.SourcePort} → {(c.Target.Length > 0 ? c.Target : "(nothing)")}";
}

/// <summary>How a line of a diff changed.</summary>
public enum DiffKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One change between two versions.</summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="ActivityId">The activity, or null for a connection.</param>
/// <param name="Field">The input or aspect that changed; null for a whole activity.</param>
/// <param name="Before">The old value.</param>
/// <param name="After">The new value.</param>
public sealed record DiffLine(DiffKind Kind, string? ActivityId, string? Field, string? Before, string? After);
