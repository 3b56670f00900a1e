using System.Security.Claims;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Retention;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>What became of each instance of an Elsa instance action.</summary>
/// <param name="Done">Cancelled or deleted.</param>
/// <param name="Skipped">Not in a state the action applies to (cancel: already finished; delete: still running).</param>
/// <param name="NotFound">No such instance, or not one the caller may see.</param>
public sealed record InstanceActionOutcome(IReadOnlyList<string> Done, IReadOnlyList<string> Skipped, IReadOnlyList<string> NotFound);

/// <summary>
/// Elsa's instance cancel and delete routes, single and bulk: Elsa answers them at once with counts, so they run within
/// the request, each instance on its own (one that cannot be cancelled does not stop the rest), through the same
/// runtime and deletion as <c>/api</c>. Many instances are for the durable bulk plans (<c>POST /api/bulk-operations</c>).
/// </summary>
internal sealed class ElsaInstanceActions(DurableWorkflowRuntime runtime, InstanceQueries instances, InstanceDeletion deletion, AuditLog audit)
{
    /// <summary>Cancels each running or faulted instance.</summary>
    public async Task<InstanceActionOutcome> CancelAsync(IReadOnlyList<string> ids, ClaimsPrincipal user, CancellationToken cancellationToken)
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
    public async Task<InstanceActionOutcome> DeleteAsync(IReadOnlyList<string> ids, ClaimsPrincipal user, CancellationToken cancellationToken)
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
                case DeletionOutcome.Deleted:
                    await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceDelete, AuditActions.Instance, id, state.DefinitionVersion, state.DefinitionId, cancellationToken);
                    outcome.Done.Add(id);
                    break;
                case DeletionOutcome.NotEnded:
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

        public InstanceActionOutcome ToRecord() => new(Done, Skipped, NotFound);
    }
}
