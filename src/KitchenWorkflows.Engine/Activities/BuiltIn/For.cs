using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Counts from <c>start</c> to <c>end</c> by <c>step</c> (the end included unless <c>outerBoundInclusive</c> is
/// false) and runs its <c>body</c> for each value, which the body reads as the variable <c>CurrentValue</c>.
/// </summary>
[Activity("Elsa.For", Category = "Looping", Description = "Run the body for each value from start to end.")]
public sealed class For : CompositeActivity, ILoopActivity
{
    /// <summary>The first value.</summary>
    [Input(Description = "The first value.", DefaultValue = "0")]
    public Input<int> Start { get; set; } = new();

    /// <summary>The last value.</summary>
    [Input(Description = "The last value.", DefaultValue = "0")]
    public Input<int> End { get; set; } = new();

    /// <summary>The step.</summary>
    [Input(Description = "The step; a negative number counts down.", DefaultValue = "1")]
    public Input<int> Step { get; set; } = new();

    /// <summary>Whether the end is included.</summary>
    [Input(Description = "Whether the loop runs for the end value too.", DefaultValue = "true")]
    public Input<bool> OuterBoundInclusive { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(Next(context));

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => Next(context);

    private ActivityResult Next(ActivityExecutionContext context)
    {
        var frame = context.Frame;
        var step = context.Get(Step);
        var end = context.Get(End);
        var inclusive = context.Get(OuterBoundInclusive);
        var current = frame.Index == 0 ? context.Get(Start) : ValueConverter.ConvertTo<int>(frame.Value) + step;
        var loops = step >= 0
            ? (inclusive ? current <= end : current < end)
            : (inclusive ? current >= end : current > end);
        if (!loops || ChildIn("body") is not { } body)
        {
            return ActivityResult.Done;
        }

        frame.Value = current;
        context.SetResult(current);
        context.Schedule(body, LoopVariables.For(current, frame.Index), frame.Index);
        frame.Index++;
        return ActivityResult.Running;
    }
}
