using KitchenWorkflows.Engine;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>A request the runtime refuses; <see cref="Kind"/> says how the API answers it.</summary>
public sealed class WorkflowRuntimeException(WorkflowRuntimeError kind, string message) : KitchenWorkflowsException(message)
{
    /// <summary>What went wrong.</summary>
    public WorkflowRuntimeError Kind { get; } = kind;
}

/// <summary>Kinds of refused requests.</summary>
public enum WorkflowRuntimeError
{
    /// <summary>No such definition, version or instance.</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (an idempotency key reused with another body, an instance that cannot be retried).</summary>
    Conflict,

    /// <summary>Another worker holds the instance for longer than the caller waits.</summary>
    Busy,
}
