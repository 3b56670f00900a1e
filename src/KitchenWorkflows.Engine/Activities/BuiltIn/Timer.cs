using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Inside a flow, waits one interval. As a trigger (<c>canStartWorkflow</c>), the host starts a new
/// instance every interval.
/// </summary>
[Activity("Elsa.Timer", Category = "Scheduling", Description = "Wait an interval; as a trigger, start an instance every interval.")]
public sealed class Timer : Activity, ITrigger
{
    /// <summary>The interval.</summary>
    [Input(Description = "The interval, such as 00:10:00.", Required = true)]
    public Input<TimeSpan> Interval { get; set; } = new();

    /// <inheritdoc />
    public TriggerDescription Describe() =>
        Interval.IsLiteral && Interval.Literal > System.TimeSpan.Zero
            ? new TriggerDescription { Schedule = TriggerSchedule.Every(Interval.Literal) }
            : TriggerDescription.Nothing;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(context.TryTakeTriggerPayload(out _)
            ? ActivityResult.Done
            : ActivityResult.Suspend(new BookmarkRequest(Node.Type, DueAt: context.Now + context.Get(Interval))));
}
