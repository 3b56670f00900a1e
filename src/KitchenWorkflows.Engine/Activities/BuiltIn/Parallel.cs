using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Runs its activities side by side and completes when all of them completed.</summary>
[Activity("Elsa.Parallel", Category = "Workflow", Description = "Run activities side by side; complete when all completed.")]
public sealed class Parallel : CompositeActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ScheduleAll(context, ChildrenIn(NestedActivities.ActivitiesSlot)));

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) =>
        --context.Frame.Pending > 0 ? ActivityResult.Running : ActivityResult.Done;

    /// <summary>Schedules every child and counts them as pending; done at once when there are none.</summary>
    internal static ActivityResult ScheduleAll(ActivityExecutionContext context, IReadOnlyList<Activity> children)
    {
        if (children.Count == 0)
        {
            return ActivityResult.Done;
        }

        foreach (var child in children)
        {
            context.Schedule(child);
        }

        context.Frame.Pending = children.Count;
        return ActivityResult.Running;
    }
}
