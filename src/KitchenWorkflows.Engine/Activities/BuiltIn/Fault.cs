using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Faults the instance on purpose, with a message that becomes the incident.</summary>
[Activity("Elsa.Fault", Description = "Fault the workflow with a message.", Outcomes = [])]
public sealed class Fault : Activity
{
    /// <summary>A code for the fault.</summary>
    [Input(Description = "A code that identifies the fault.")]
    public Input<string> Code { get; set; } = new();

    /// <summary>A category.</summary>
    [Input(Description = "A category for the fault.")]
    public Input<string> Category { get; set; } = new();

    /// <summary>The message.</summary>
    [Input(Description = "What went wrong.", Required = true)]
    public Input<string> Message { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var code = context.Get(Code);
        var message = context.Get(Message) ?? "Faulted";
        return ValueTask.FromResult(ActivityResult.Fault(string.IsNullOrEmpty(code) ? message : $"{code}: {message}"));
    }
}
