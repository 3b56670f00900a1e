using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Ends the flowchart or Sequence that holds it at once; at the root, the workflow.</summary>
[Activity("Elsa.End", Category = "Workflow", Description = "End the enclosing flowchart.", Outcomes = [])]
public sealed class End : Activity, ITerminalActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done);
}
