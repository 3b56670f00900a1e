using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Store;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// Child workflows on the store (<c>Elsa.ExecuteWorkflow</c>, <c>Elsa.DispatchWorkflow</c>): each child is an instance of
/// its own with its parent's id, inserted before the parent's run is saved; the parent waits on a bookmark that the
/// child's end resumes right after the child's save, or the sweep when a crash came between the two.
/// </summary>
public sealed partial class DurableWorkflowRuntime
{
    // Where the children a run asked for stand after the insert: new (to run or queue), there from an earlier attempt
    // of the same execution, or not startable (no published version) with the reason.
    private sealed record StartedChild(ChildWorkflowStart Request, WorkflowInstanceState? State, bool Inserted, string? Problem = null);

    private async Task<StartedChild> InsertChildAsync(string parentId, ChildWorkflowStart child, CancellationToken cancellationToken)
    {
        var request = child.ToStartRequest(parentId);
        // The key makes a repeated insert (a parent run repeated after a crash) find the child the first one made.
        var key = ($"{child.DefinitionId}:child:{child.InstanceId}", child.InstanceId);
        while (true)
        {
            var workflow = await workflows.GetLastSeenPublishedAsync(child.DefinitionId, cancellationToken);
            if (workflow is null)
            {
                return new StartedChild(child, null, Inserted: false, $"No published version of workflow definition with ID {child.DefinitionId} found.");
            }

            var state = runner.CreateInstance(workflow, request);
            var (inserted, concurrent) = await InsertAsync(
                new NewInstance(state, WorkflowStateSerializer.Serialize(state), NodeId, _options.LeaseDuration, key, workflow.Version), cancellationToken);
            if (inserted || concurrent is not null)
            {
                return new StartedChild(child, inserted ? state : concurrent!.State, inserted);
            }

            workflows.PublishedChanged(child.DefinitionId);
        }
    }

    // After the save of a run: its new children run here (ExecuteWorkflow) or go to the workers (DispatchWorkflow); a
    // child that was there already, or could not start, and a child that has itself ended or waits, resume their parent.
    private async Task FollowChildrenAsync(WorkflowInstanceState state, IReadOnlyList<StartedChild> children, CancellationToken cancellationToken)
    {
        foreach (var child in children)
        {
            if (child.State is null)
            {
                await ResumeParentAsync(state.Id, child.Request.InstanceId, WorkflowSubStatus.Faulted, ChildWorkflowWait.NotStarted(child.Request.InstanceId, child.Problem!), cancellationToken);
            }
            else if (!child.Inserted)
            {
                await ResumeParentAsync(state.Id, child.State.Id, child.State.SubStatus, ChildWorkflowWait.Outcome(child.State), cancellationToken);
            }
            else if (child.Request.RunNow)
            {
                await RunChildAsync(child.State.Id, cancellationToken);

                // On SQLite this node's poller may have run the child first and be resuming the parent still: resuming
                // here waits for that (or does it), so the caller of the parent sees where the child left it.
                if (await store.ReadAsync(child.State.Id, cancellationToken) is { } snapshot
                    && WorkflowStateSerializer.Deserialize(snapshot) is { SubStatus: not WorkflowSubStatus.Executing } settled)
                {
                    await ResumeParentAsync(state.Id, settled.Id, settled.SubStatus, ChildWorkflowWait.Outcome(settled), cancellationToken);
                }
            }
            else
            {
                dispatchQueue.Enqueue(child.State.Id);
            }
        }

        if (state.ParentId is { } parentId && state.SubStatus != WorkflowSubStatus.Executing)
        {
            await ResumeParentAsync(parentId, state.Id, state.SubStatus, ChildWorkflowWait.Outcome(state), cancellationToken);
        }
    }

    private async Task RunChildAsync(string childId, CancellationToken cancellationToken)
    {
        try
        {
            await RunPendingAsync(childId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The parent's run is saved and the child is pending: the workers take it up, and its end resumes the parent.
            LogChildRunFailed(logger, ex, childId);
        }
    }

    private async Task ResumeParentAsync(string parentId, string childId, WorkflowSubStatus childSubStatus, Dictionary<string, object?> outcome, CancellationToken cancellationToken)
    {
        try
        {
            await WithInstanceAsync(parentId, async (workflow, parent, commit) =>
                parent.Status == WorkflowStatus.Running && parent.Bookmarks.Find(b => ChildWorkflowWait.Resumes(b, childId, childSubStatus)) is { } bookmark
                    ? await runner.ResumeAsync(workflow, parent, bookmark.Id, outcome, cancellationToken, commit)
                    : null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The child's end is saved: the sweep finds the parent still waiting for it and resumes it then.
            LogParentResumeFailed(logger, ex, parentId, childId);
        }
    }

    private async Task CancelChildrenAsync(string parentId, CancellationToken cancellationToken)
    {
        foreach (var childId in await childRecovery.FindRunningChildrenAsync(parentId, cancellationToken))
        {
            try
            {
                await CancelAsync(childId, cancellationToken);
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind is WorkflowRuntimeError.Conflict or WorkflowRuntimeError.NotFound)
            {
                // The child ended between the query and the cancel.
            }
        }
    }

    // What a crash between two commits of the child workflows left: a parent not resumed by its child's end, the
    // children of a parent whose cancel did not reach them.
    private async Task SweepChildrenAsync(DateTimeOffset late, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (parentId, child) in await childRecovery.FindWaitingParentsAsync(late, now, 500, cancellationToken))
        {
            await ResumeParentAsync(parentId, child.Id, child.SubStatus, ChildWorkflowWait.Outcome(child), cancellationToken);
        }

        foreach (var childId in await childRecovery.FindChildrenOfCancelledAsync(500, cancellationToken))
        {
            try
            {
                await CancelAsync(childId, cancellationToken);
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind is not WorkflowRuntimeError.Busy)
            {
                LogChildCancelFailed(logger, ex, childId);
            }
        }
    }

    // A start whose children ran here returns the state they left it in (an ExecuteWorkflow resumed by its child).
    private async Task<WorkflowInstanceState> CurrentAsync(RunResult result, CancellationToken cancellationToken) =>
        result.StartedChildren.Any(c => c.RunNow) && await store.ReadAsync(result.State.Id, cancellationToken) is { } snapshot
            ? WorkflowStateSerializer.Deserialize(snapshot)
            : result.State;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running child {ChildId} failed; the workers take it up")]
    private static partial void LogChildRunFailed(ILogger logger, Exception exception, string childId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming parent {ParentId} after its child {ChildId} failed; the sweep tries again")]
    private static partial void LogParentResumeFailed(ILogger logger, Exception exception, string parentId, string childId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling child {ChildId} of a cancelled parent failed")]
    private static partial void LogChildCancelFailed(ILogger logger, Exception exception, string childId);
}
