using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Composition;

/// <summary>
/// Finds the published workflow definition that a node whose type is not a registered activity stands for: Elsa's
/// "workflow used as an activity" (<c>WorkflowDefinitionActivity</c>). The host knows which definitions are
/// usable as activities and which versions exist; the engine compiles the one found here into the consumer.
/// </summary>
public interface IWorkflowActivitySource
{
    /// <summary>
    /// The definition version the node runs, chosen as Elsa chooses it (the pinned
    /// <c>workflowDefinitionVersionId</c>, or the latest published version when that one is gone);
    /// null when the node's type names no definition usable as an activity.
    /// </summary>
    WorkflowDefinition? Find(ActivityNode node);
}
