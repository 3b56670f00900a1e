using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs its <c>body</c> once per item, one after the other; in the body the variables <c>CurrentValue</c> and
/// <c>CurrentIndex</c> hold the item and its position. The loop's output is the current item.
/// </summary>
[Activity("Elsa.ForEach", Category = "Looping", DisplayName = "For Each", Description = "Run the body once per item, one after the other.")]
public sealed class ForEach : CompositeActivity, ILoopActivity
{
    /// <summary>The items.</summary>
    [Input(Description = "The items to iterate.", UIHint = InputUIHints.MultiText)]
    public Input<List<object?>> Items { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.Frame.Items = context.Get(Items) ?? [];
        return ValueTask.FromResult(Next(context));
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => Next(context);

    private ActivityResult Next(ActivityExecutionContext context)
    {
        var frame = context.Frame;
        var items = frame.Items ?? [];
        if (frame.Index >= items.Count || ChildIn("body") is not { } body)
        {
            return ActivityResult.Done;
        }

        var index = frame.Index++;
        context.SetResult(items[index]);
        context.Schedule(body, LoopVariables.For(items[index], index), index);
        return ActivityResult.Running;
    }
}
