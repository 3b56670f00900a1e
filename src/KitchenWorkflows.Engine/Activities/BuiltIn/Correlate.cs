using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Sets the instance's correlation id, so that events carrying it find this instance.</summary>
[Activity("Elsa.Correlate", Description = "Set the correlation id of the instance.")]
public sealed class Correlate : Activity
{
    /// <summary>The correlation id.</summary>
    [Input(Description = "The correlation id, such as a ticket or contract number.", Required = true)]
    public Input<string> CorrelationId { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.Workflow.State.CorrelationId = context.Get(CorrelationId);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
