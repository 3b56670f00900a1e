using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Names the instance (<see cref="WorkflowInstanceState.Name"/>).</summary>
[Activity("Elsa.SetName", Category = "Workflow", DisplayName = "Set Name", Description = "Set the name of the workflow instance.")]
public sealed class SetName : Activity
{
    /// <summary>The name.</summary>
    [Input(Description = "The name of the instance.")]
    public Input<string> Value { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetInstanceName(context.Get(Value));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
