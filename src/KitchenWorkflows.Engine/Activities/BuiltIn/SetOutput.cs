using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Sets a workflow output.</summary>
[Activity("Elsa.SetOutput", Description = "Set a workflow output.")]
public sealed class SetOutput : Activity
{
    /// <summary>The output name.</summary>
    [Input(Description = "The name of the workflow output.", Required = true)]
    public Input<string> OutputName { get; set; } = new();

    /// <summary>The value.</summary>
    [Input(Description = "The value of the output.")]
    public Input<object> OutputValue { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.Get(OutputName);
        if (string.IsNullOrWhiteSpace(name))
        {
            return ValueTask.FromResult(ActivityResult.Fault("The output name evaluated to an empty string."));
        }

        context.SetWorkflowOutput(name, context.Get(OutputValue));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
