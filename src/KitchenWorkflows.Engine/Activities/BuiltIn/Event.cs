using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Waits for a named event, correlated by the instance's correlation id when it has one; the event's
/// payload becomes this activity's result. As a trigger (<c>canStartWorkflow</c>), the event starts a new instance.
/// </summary>
[Activity("Elsa.Event", Category = "Events", Description = "Wait for a named event; as a trigger, start an instance on it.")]
public sealed class Event : Activity, ITrigger
{
    /// <summary>The event name.</summary>
    [Input(Description = "The name of the event to wait for.", Required = true)]
    public Input<string> EventName { get; set; } = new();

    /// <inheritdoc />
    public TriggerDescription Describe() =>
        EventName.IsLiteral && !string.IsNullOrEmpty(EventName.Literal) ? new TriggerDescription { EventName = EventName.Literal } : TriggerDescription.Nothing;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.TryTakeTriggerPayload(out var payload))
        {
            context.SetResult(payload);
            return ValueTask.FromResult(ActivityResult.Done);
        }

        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            return ValueTask.FromResult(ActivityResult.Fault("The event name evaluated to an empty string."));
        }

        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(name, context.Workflow.State.CorrelationId)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload)
    {
        context.SetResult(payload);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
