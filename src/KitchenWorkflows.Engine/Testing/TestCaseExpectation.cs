using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Testing;

/// <summary>What a test case's run must come to, at its end or its first wait; a null part is not checked.</summary>
public sealed record TestCaseExpectation
{
    /// <summary>How the run ends: Finished, Suspended (it waits), Faulted or Cancelled.</summary>
    public WorkflowSubStatus? Status { get; init; }

    /// <summary>The workflow outputs, all of them.</summary>
    public Dictionary<string, object?>? Outputs { get; init; }

    /// <summary>The journal lines (what <c>Elsa.WriteLine</c> and the activities wrote), in order.</summary>
    public List<string>? Journal { get; init; }

    /// <summary>The ids of the activities executed, in order.</summary>
    public List<string>? Path { get; init; }
}
