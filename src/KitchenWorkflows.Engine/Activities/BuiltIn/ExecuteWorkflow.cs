using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs the published version of a definition as a child instance, at once, and waits for it to end (or, without
/// <c>waitForCompletion</c>, until it ends or waits itself). The result is Elsa's <c>ExecuteWorkflowResult</c>: the
/// child's instance id, correlation id, status, sub-status and output. A child that faults faults this activity with its message.
/// </summary>
[Activity("Elsa.ExecuteWorkflow", Category = "Composition", Description = "Create a new workflow instance of the specified workflow and execute it.")]
public sealed class ExecuteWorkflow : ChildWorkflowActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var childId = StartChild(context, runNow: true, out var problem);
        if (childId is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault(problem!, retryable: false));
        }

        var name = context.Get(WaitForCompletion) ? ChildWorkflowWait.EndedName : ChildWorkflowWait.SettledName;
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(name, childId)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChildWorkflowWait.FaultOf(payload) is { } fault)
        {
            return ValueTask.FromResult(ActivityResult.Fault(fault, retryable: false));
        }

        context.SetResult(ChildWorkflowWait.ResultOf(payload));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
