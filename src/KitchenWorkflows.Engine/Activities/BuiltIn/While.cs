using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Runs its <c>body</c> again and again while the condition, evaluated before each run, holds.</summary>
[Activity("Elsa.While", Category = "Looping", Description = "Run the body while a condition holds.")]
public sealed class While : CompositeActivity, ILoopActivity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition, evaluated before each run of the body.", DefaultSyntax = "JavaScript")]
    public Input<bool> Condition { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(Next(context));

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => Next(context);

    private ActivityResult Next(ActivityExecutionContext context)
    {
        if (!context.Get(Condition) || ChildIn("body") is not { } body)
        {
            return ActivityResult.Done;
        }

        context.Schedule(body);
        return ActivityResult.Running;
    }
}
