namespace KitchenWorkflows.Engine.Execution;

/// <summary>Whether an instance still has work ahead of it.</summary>
public enum WorkflowStatus
{
    /// <summary>Executing or waiting.</summary>
    Running,

    /// <summary>Done for good: finished, faulted beyond retry or cancelled.</summary>
    Finished,
}
