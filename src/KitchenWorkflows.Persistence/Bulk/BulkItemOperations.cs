using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Retention;
using KitchenWorkflows.Persistence.Runtime;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>Applies a bulk operation to one instance, as it was when the plan was made, and says what came of it.</summary>
public sealed class BulkItemOperations(DurableWorkflowRuntime runtime, InstanceDeletion deletion, AuditLog audit)
{
    /// <summary>The outcome, and why when it is not <see cref="BulkItemOutcome.Done"/> (or done with a remark).</summary>
    public async Task<(BulkItemOutcome Outcome, string? Message)> ApplyAsync(BulkWork work, string instanceId, DateTimeOffset plannedAgainst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            switch (work.Operation)
            {
                case BulkOperation.Alter:
                    return await AlterAsync(work, instanceId, plannedAgainst, cancellationToken);
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

    // An instance an alteration does not apply to is left as it was: failed, with the step that says why.
    private async Task<(BulkItemOutcome Outcome, string? Message)> AlterAsync(BulkWork work, string instanceId, DateTimeOffset plannedAgainst, CancellationToken cancellationToken)
    {
        var report = await runtime.AlterAsync(instanceId, work.Alterations, $"{work.CreatedBy} (plan {work.PlanId})", plannedAgainst, cancellationToken);
        var summary = string.Join(" ", report.Steps.Select(s => s.Message));
        // The item's message column holds 1000 characters (PostgreSQL refuses more); twenty steps can say more than that.
        summary = summary.Length > 900 ? summary[..900] + "…" : summary;
        if (!report.Applies)
        {
            return (BulkItemOutcome.Failed, summary);
        }

        if (!report.Changed)
        {
            return (BulkItemOutcome.Skipped, "Nothing to change: " + summary);
        }

        await audit.RecordAsync(new AuditActor(work.CreatedBy, AuditActions.BulkPlan), AuditActions.InstanceAlter, AuditActions.Instance, instanceId,
            report.DefinitionVersion, $"Plan {work.PlanId}: {summary}", cancellationToken);
        return (BulkItemOutcome.Done, summary);
    }
}
