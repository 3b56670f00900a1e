using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>One line of the instance list.</summary>
/// <param name="WorkflowInstanceId">The instance id.</param>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="DefinitionVersion">The version it runs.</param>
/// <param name="Status">Running or finished.</param>
/// <param name="SubStatus">The detailed state.</param>
/// <param name="CorrelationId">The correlation id.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="ParentId">The instance that started this one as its child, if any.</param>
public sealed record InstanceListItem(
    string WorkflowInstanceId,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? ParentId = null);
