using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Waits for a time span: leaves a due-time bookmark that the host's scheduler resumes.</summary>
[Activity("Elsa.Delay", Category = "Scheduling", Description = "Wait for a time span.")]
public sealed class Delay : Activity
{
    /// <summary>How long to wait.</summary>
    [Input(Description = "How long to wait, such as 00:05:00 or 1.00:00:00.", Required = true)]
    public Input<TimeSpan> TimeSpan { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(Node.Type, DueAt: context.Now + context.Get(TimeSpan))));
}
