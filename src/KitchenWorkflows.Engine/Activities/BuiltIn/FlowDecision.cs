using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Continues through True or False.</summary>
[Activity("Elsa.FlowDecision", Category = "Branching", DisplayName = "Decision", Description = "Continue through True or False by a condition.", Outcomes = ["True", "False"])]
public sealed class FlowDecision : Activity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate.", DefaultSyntax = "JavaScript", Required = true)]
    public Input<bool> Condition { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var result = context.Get(Condition);
        context.SetResult(result);
        return ValueTask.FromResult(ActivityResult.Complete(result ? "True" : "False"));
    }
}
