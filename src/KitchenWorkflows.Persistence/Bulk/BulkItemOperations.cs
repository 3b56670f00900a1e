using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Retention;
using KitchenWorkflows.Persistence.Runtime;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>Applies a bulk operation to one instance, as it was when the plan was made, and says what came of it.</summary>
public sealed class BulkItemOperations(DurableWorkflowRuntime runtime, InstanceDeletion deletion)
{
    /// <summary>The outcome, and why when it is not <see cref="BulkItemOutcome.Done"/> (or done with a remark).</summary>
    public async Task<(BulkItemOutcome Outcome, string? Message)> ApplyAsync(BulkOperation operation, string instanceId, DateTimeOffset plannedAgainst, CancellationToken cancellationToken)
    {
        try
        {
            switch (operation)
            {
                case BulkOperation.Cancel:
                    await runtime.CancelAsync(instanceId, plannedAgainst, cancellationToken);
                    return (BulkItemOutcome.Done, null);
                case BulkOperation.Retry:
                    var state = await runtime.RetryAsync(instanceId, plannedAgainst, cancellationToken);
                    return (BulkItemOutcome.Done, state.SubStatus == WorkflowSubStatus.Faulted
                        ? "Retried, and faulted again: " + state.Incidents.LastOrDefault()?.Message
                        : null);
                default:
                    return await deletion.DeleteAsync(instanceId, cancellationToken) switch
                    {
                        DeletionOutcome.Deleted => (BulkItemOutcome.Done, null),
                        DeletionOutcome.NotEnded => (BulkItemOutcome.Skipped, "Not deleted: it has not ended, or a node is working on it."),
                        _ => (BulkItemOutcome.Skipped, "Not deleted: it is gone."),
                    };
            }
        }
        catch (WorkflowRuntimeException ex) when (ex.Kind is WorkflowRuntimeError.NotFound or WorkflowRuntimeError.Conflict)
        {
            return (BulkItemOutcome.Skipped, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (BulkItemOutcome.Failed, ex.Message);
        }
    }
}
