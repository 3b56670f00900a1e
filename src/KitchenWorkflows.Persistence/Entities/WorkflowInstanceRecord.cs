using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>An instance: its snapshot plus the columns queries filter on, and the lease that keeps it on one worker.</summary>
public sealed class WorkflowInstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string Id { get; set; }

    /// <summary>The definition id.</summary>
    public required string DefinitionId { get; set; }

    /// <summary>The definition version it runs.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>Running or finished.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The detailed state.</summary>
    public WorkflowSubStatus SubStatus { get; set; }

    /// <summary>The instance that started this one as its child; null for a top-level instance.</summary>
    public string? ParentId { get; set; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The serialized <see cref="WorkflowInstanceState"/>.</summary>
    public required byte[] Snapshot { get; set; }

    /// <summary>Optimistic concurrency: every save increments it and checks the previous value.</summary>
    public long Revision { get; set; }

    /// <summary>The node that holds the instance while running it.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses; a dead node's instance is picked up after it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it finished, faulted or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
