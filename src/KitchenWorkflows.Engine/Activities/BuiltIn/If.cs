using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Runs <c>then</c> or <c>else</c> by a condition, and completes when that one completed.</summary>
[Activity("Elsa.If", Category = "Branching", Description = "Run 'then' or 'else' by a condition.")]
public sealed class If : CompositeActivity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate.", DefaultSyntax = "JavaScript")]
    public Input<bool> Condition { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var result = context.Get(Condition);
        context.SetResult(result);
        if (ChildIn(result ? "then" : "else") is not { } branch)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        context.Schedule(branch);
        return ValueTask.FromResult(ActivityResult.Running);
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => ActivityResult.Done;
}
