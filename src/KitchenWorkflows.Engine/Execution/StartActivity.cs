using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>Finds where a flowchart starts, the way Elsa 3 does.</summary>
internal static class StartActivity
{
    /// <summary>
    /// The root's <c>start</c> (Elsa 3.0), else the first <c>Elsa.Start</c>, else the first activity
    /// with no inbound connection; null when none qualifies.
    /// </summary>
    public static string? Find(FlowchartDefinition flowchart)
    {
        if (flowchart.Start is { Length: > 0 } start)
        {
            return flowchart.Activities.Exists(a => a.Id == start) ? start : null;
        }

        var explicitStart = flowchart.Activities.Find(a => a.Type == "Elsa.Start");
        if (explicitStart is not null)
        {
            return explicitStart.Id;
        }

        var targets = flowchart.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        return flowchart.Activities.Find(a => !targets.Contains(a.Id))?.Id;
    }
}
