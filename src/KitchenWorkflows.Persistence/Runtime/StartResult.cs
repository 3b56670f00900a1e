using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>The answer to a start call.</summary>
/// <param name="State">The instance as saved (for <c>execute</c>, after it ran to its end or its first wait).</param>
/// <param name="Replayed">True when an earlier call with the same idempotency key started it.</param>
public sealed record StartResult(WorkflowInstanceState State, bool Replayed);
