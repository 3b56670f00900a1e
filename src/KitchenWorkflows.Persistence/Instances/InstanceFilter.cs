using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>Filters and paging of the instance list.</summary>
public sealed record InstanceFilter
{
    /// <summary>Only instances of this definition.</summary>
    public string? DefinitionId { get; init; }

    /// <summary>Only instances in this status.</summary>
    public WorkflowStatus? Status { get; init; }

    /// <summary>Only instances in this sub-status.</summary>
    public WorkflowSubStatus? SubStatus { get; init; }

    /// <summary>Only instances with this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only the children of this instance (those its <c>Elsa.ExecuteWorkflow</c> or <c>Elsa.DispatchWorkflow</c> started).</summary>
    public string? ParentId { get; init; }

    /// <summary>Only instances that carry every one of these tags (name and value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Whether the filter names a column of the instance (all but the tags): keep beside the filters above.</summary>
    internal bool FiltersInstanceColumns =>
        DefinitionId is not null || Status is not null || SubStatus is not null || CorrelationId is not null || ParentId is not null;

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page.</summary>
    public int PageSize { get; init; } = 50;
}
