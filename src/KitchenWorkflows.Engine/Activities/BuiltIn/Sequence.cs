using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Runs its activities one after the other; a terminal child (End, Break, Complete) ends it early.</summary>
[Activity("Elsa.Sequence", Category = "Workflow", Description = "Run activities one after the other.")]
public sealed class Sequence : CompositeActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(Next(context));

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) =>
        completion.IsTerminal ? ActivityResult.Done : Next(context);

    private ActivityResult Next(ActivityExecutionContext context)
    {
        var activities = ChildrenIn(NestedActivities.ActivitiesSlot);
        var index = context.HasFrame ? context.Frame.Index : 0;
        if (index >= activities.Count)
        {
            return ActivityResult.Done;
        }

        context.Schedule(activities[index]);
        context.Frame.Index = index + 1;
        return ActivityResult.Running;
    }
}
