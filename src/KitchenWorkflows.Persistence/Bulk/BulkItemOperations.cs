using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Persistence.Store;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>Applies a bulk operation to one instance, as it was when the plan was made, and says what came of it.</summary>
public sealed class BulkItemOperations(DurableWorkflowRuntime runtime, InstanceDeletionStore deletion, TimeProvider clock)
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
                    var gone = await deletion.DeleteEndedAsync([instanceId], clock.GetUtcNow(), cancellationToken);
                    return gone.Count == 1
                        ? (BulkItemOutcome.Done, null)
                        : (BulkItemOutcome.Skipped, "Not deleted: it is gone, has not ended, or a node is working on it.");
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
