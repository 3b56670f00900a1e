using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Composition;

/// <summary>Makes the activity of a node: a registered type, else a published workflow used as an activity.</summary>
internal static class ActivityBinder
{
    /// <summary>The bound activity, not yet holding any nested ones; null when neither knows the type.</summary>
    public static Activity? Bind(ActivityRegistry registry, IWorkflowActivitySource workflows, ActivityNode node, WorkflowDefinition owner)
    {
        var activity = registry.Bind(node);
        if (activity is null && node.Type.Length > 0 && workflows.Find(node) is { } used)
        {
            activity = new WorkflowActivity(node, used);
        }

        if (activity is not null)
        {
            activity.Definition = owner;
        }

        return activity;
    }
}
