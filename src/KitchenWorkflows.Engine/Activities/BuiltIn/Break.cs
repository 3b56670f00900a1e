using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Ends the nearest enclosing loop; outside a loop it ends the flowchart or Sequence that holds it.</summary>
[Activity("Elsa.Break", Category = "Looping", Description = "End the enclosing loop.", Outcomes = [])]
public sealed class Break : Activity, ITerminalActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Break);
}
