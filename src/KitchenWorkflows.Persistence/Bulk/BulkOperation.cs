namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>What a bulk plan does to each of its instances.</summary>
public enum BulkOperation
{
    /// <summary>Cancel a running or faulted instance.</summary>
    Cancel,

    /// <summary>Retry a faulted instance from the activity that faulted.</summary>
    Retry,

    /// <summary>Delete an ended instance with its journal, bookmarks and tags.</summary>
    Delete,

    /// <summary>Apply the plan's alterations (<see cref="Entities.BulkPlanRecord.Alterations"/>) to a running or faulted instance.</summary>
    Alter,
}

/// <summary>Where a bulk plan stands.</summary>
public enum BulkPlanStatus
{
    /// <summary>Submitted; no node has started it yet.</summary>
    Pending,

    /// <summary>A node is working through it.</summary>
    Running,

    /// <summary>Every instance has its outcome.</summary>
    Completed,
}

/// <summary>What came of one instance of a plan.</summary>
public enum BulkItemOutcome
{
    /// <summary>The operation was applied.</summary>
    Done,

    /// <summary>Nothing to do: the instance changed since the plan was made, is gone, or is in no state for the operation.</summary>
    Skipped,

    /// <summary>The operation failed (the retry ran and faulted again counts as done: the instance shows it).</summary>
    Failed,
}
