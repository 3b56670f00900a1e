using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Composition;

/// <summary>The source of a host that offers no workflows as activities (the engine on its own, in memory).</summary>
public sealed class NoWorkflowActivities : IWorkflowActivitySource
{
    /// <inheritdoc />
    public WorkflowDefinition? Find(ActivityNode node) => null;
}
