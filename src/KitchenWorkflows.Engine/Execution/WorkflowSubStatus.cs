namespace KitchenWorkflows.Engine.Execution;

/// <summary>The detailed state of an instance.</summary>
public enum WorkflowSubStatus
{
    /// <summary>Activities are running, or are queued to run (a committed <c>Pending</c> instance is Executing with work queued).</summary>
    Executing,

    /// <summary>Waiting on one or more bookmarks (an event, a due time, a retry).</summary>
    Suspended,

    /// <summary>Ran to its end.</summary>
    Finished,

    /// <summary>An activity failed beyond its retry policy; the incident says which. Retryable.</summary>
    Faulted,

    /// <summary>Cancelled by a person or a client.</summary>
    Cancelled,
}
