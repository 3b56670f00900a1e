using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Publishes an event to other instances (and triggers). The host delivers it after this run is
/// saved, so a crash neither loses nor repeats it.
/// </summary>
[Activity("Elsa.PublishEvent", Category = "Events", Description = "Publish an event to waiting instances and triggers.")]
public sealed class PublishEvent : Activity
{
    /// <summary>The event name.</summary>
    [Input(Description = "The event name.", Required = true)]
    public Input<string> EventName { get; set; } = new();

    /// <summary>The correlation id of the instances to resume; empty resumes every waiting instance.</summary>
    [Input(Description = "The correlation id of the instances to resume; leave empty for all.")]
    public Input<string> CorrelationId { get; set; } = new();

    /// <summary>The payload.</summary>
    [Input(Description = "The event payload.", UIHint = InputUIHints.Json)]
    public Input<object> Payload { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var correlationId = context.Get(CorrelationId);
        context.Workflow.PublishEvent(context.Get(EventName)!, string.IsNullOrEmpty(correlationId) ? null : correlationId, context.Get(Payload));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
