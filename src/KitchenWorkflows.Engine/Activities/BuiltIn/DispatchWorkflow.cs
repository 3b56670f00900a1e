using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Queues the published version of a definition as a child instance for the workers: fire and forget, or with
/// <c>waitForCompletion</c> wait for it to end, the child's output becoming the result (as in Elsa). A child that
/// faults while waited for faults this activity with its message.
/// </summary>
[Activity("Elsa.DispatchWorkflow", Category = "Composition", Description = "Create a new workflow instance of the specified workflow and dispatch it for execution.")]
public sealed class DispatchWorkflow : ChildWorkflowActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var childId = StartChild(context, runNow: false, out var problem);
        if (childId is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault(problem!, retryable: false));
        }

        return ValueTask.FromResult(context.Get(WaitForCompletion)
            ? ActivityResult.Suspend(new BookmarkRequest(ChildWorkflowWait.EndedName, childId))
            : ActivityResult.Done);
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChildWorkflowWait.FaultOf(payload) is { } fault)
        {
            return ValueTask.FromResult(ActivityResult.Fault(fault, retryable: false));
        }

        context.SetResult(ChildWorkflowWait.ResultOf(payload).GetValueOrDefault("output"));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
