using System.Security.Claims;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;

namespace KitchenWorkflows.Server.Bulk;

/// <summary>What a bulk plan did with each instance it was given.</summary>
/// <param name="Done">Cancelled or deleted.</param>
/// <param name="Skipped">Not in a state the action applies to (cancel: already finished; delete: still running).</param>
/// <param name="NotFound">No such instance, or not one the caller may see.</param>
public sealed record BulkPlanOutcome(IReadOnlyList<string> Done, IReadOnlyList<string> Skipped, IReadOnlyList<string> NotFound);

/// <summary>
/// Bulk actions over instances: the one implementation behind every door that cancels or deletes many instances (Elsa's
/// bulk routes now, <c>/api</c>'s later). Each instance is handled on its own, so one that cannot be cancelled does not
/// stop the rest; today a plan runs within the request, and the bulk plans of the instance issue make it durable.
/// </summary>
internal sealed class InstanceBulkPlans(DurableWorkflowRuntime runtime, InstanceQueries instances, FinishedInstanceDeletion deletion, AuditLog audit)
{
    /// <summary>Cancels each running or faulted instance.</summary>
    public async Task<BulkPlanOutcome> CancelAsync(IReadOnlyList<string> ids, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await instances.GetAsync(id, cancellationToken) is not { } state || !CallerAccess.MaySee(user, state.DefinitionId))
            {
                outcome.NotFound.Add(id);
                continue;
            }

            try
            {
                var cancelled = await runtime.CancelAsync(id, cancellationToken);
                await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceCancel, AuditActions.Instance, id, cancelled.DefinitionVersion, cancelled.DefinitionId, cancellationToken);
                outcome.Done.Add(id);
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind == WorkflowRuntimeError.Conflict)
            {
                outcome.Skipped.Add(id);
            }
        }

        return outcome.ToRecord();
    }

    /// <summary>Deletes each finished instance (finished, faulted or cancelled); a running one is skipped.</summary>
    public async Task<BulkPlanOutcome> DeleteAsync(IReadOnlyList<string> ids, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await instances.GetAsync(id, cancellationToken) is not { } state || !CallerAccess.MaySee(user, state.DefinitionId))
            {
                outcome.NotFound.Add(id);
                continue;
            }

            switch (await deletion.DeleteAsync(id, cancellationToken))
            {
                case InstanceDeletionResult.Deleted:
                    await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceDelete, AuditActions.Instance, id, state.DefinitionVersion, state.DefinitionId, cancellationToken);
                    outcome.Done.Add(id);
                    break;
                case InstanceDeletionResult.StillRunning:
                    outcome.Skipped.Add(id);
                    break;
                default:
                    outcome.NotFound.Add(id);
                    break;
            }
        }

        return outcome.ToRecord();
    }

    private sealed class Outcome
    {
        public List<string> Done { get; } = [];

        public List<string> Skipped { get; } = [];

        public List<string> NotFound { get; } = [];

        public BulkPlanOutcome ToRecord() => new(Done, Skipped, NotFound);
    }
}
