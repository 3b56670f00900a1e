using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Ends the workflow at once, dropping any branch still running or waiting.</summary>
[Activity("Elsa.Finish", Description = "End the workflow now.", Outcomes = [])]
public sealed class Finish : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.FinishWorkflow);
}
