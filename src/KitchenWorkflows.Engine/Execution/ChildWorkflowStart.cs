namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// A child instance a workflow asked for (<c>Elsa.ExecuteWorkflow</c>, <c>Elsa.DispatchWorkflow</c>); the host starts it
/// once the parent's run is saved, so a crash neither loses nor repeats it (the id is the same for every attempt of the
/// asking execution, so a start that is repeated finds the child the first one made).
/// </summary>
/// <param name="InstanceId">The child's instance id.</param>
/// <param name="DefinitionId">The definition whose published version the child runs.</param>
/// <param name="CorrelationId">The child's correlation id, if any.</param>
/// <param name="Input">The child's input.</param>
/// <param name="RunNow">Run the child right after the parent's save (ExecuteWorkflow) rather than queue it to the workers (DispatchWorkflow).</param>
public sealed record ChildWorkflowStart(string InstanceId, string DefinitionId, string? CorrelationId, IReadOnlyDictionary<string, object?> Input, bool RunNow)
{
    /// <summary>The parent is a test run, so the child is one too: a test run reaches no outside system, however deep.</summary>
    public bool DryRun { get; init; }

    /// <summary>How the host starts the child of <paramref name="parentId"/>.</summary>
    public StartRequest ToStartRequest(string parentId) =>
        new() { InstanceId = InstanceId, ParentId = parentId, CorrelationId = CorrelationId, Input = Input, DryRun = DryRun };
}
