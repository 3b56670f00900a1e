using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs its <c>body</c> once per item, all side by side, each with its own <c>CurrentValue</c> and
/// <c>CurrentIndex</c>; completes when every run completed.
/// </summary>
[Activity("Elsa.ParallelForEach", Category = "Looping", DisplayName = "Parallel For Each", Description = "Run the body once per item, side by side.")]
public sealed class ParallelForEach : CompositeActivity
{
    /// <summary>The items.</summary>
    [Input(Description = "The items to iterate.", UIHint = InputUIHints.MultiText)]
    public Input<List<object?>> Items { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var items = context.Get(Items) ?? [];
        if (items.Count == 0 || ChildIn("body") is not { } body)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        for (var i = 0; i < items.Count; i++)
        {
            context.Schedule(body, LoopVariables.For(items[i], i), i);
        }

        context.Frame.Pending = items.Count;
        return ValueTask.FromResult(ActivityResult.Running);
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) =>
        --context.Frame.Pending > 0 ? ActivityResult.Running : ActivityResult.Done;
}
