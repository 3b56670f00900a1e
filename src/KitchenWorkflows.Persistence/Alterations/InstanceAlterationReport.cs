using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Alterations;

/// <summary>What a list of alterations does, or would do, to one instance.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="DefinitionId">Its definition.</param>
/// <param name="DefinitionVersion">The version it ran before the alterations.</param>
/// <param name="SubStatus">Its state before the alterations.</param>
/// <param name="Applies">Whether every alteration applies; when not, the instance is left as it was.</param>
/// <param name="Changed">Whether it changes the instance (it applies and does more than what is so already).</param>
/// <param name="Steps">Each alteration's step, in order.</param>
public sealed record InstanceAlterationReport(
    string InstanceId,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowSubStatus SubStatus,
    bool Applies,
    bool Changed,
    IReadOnlyList<AlterationStep> Steps);
