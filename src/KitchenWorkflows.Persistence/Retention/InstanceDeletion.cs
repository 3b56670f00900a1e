using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Store;

namespace KitchenWorkflows.Persistence.Retention;

/// <summary>Deletions by hand: one ended instance, or the ended instances a filter selects.</summary>
public sealed class InstanceDeletion(InstanceDeletionStore store, RuntimeStore instances, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Deletes an ended instance with its journal, bookmarks and tags.</summary>
    public async Task<DeletionOutcome> DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        var gone = await store.DeleteEndedAsync([instanceId], clock.GetUtcNow(), cancellationToken);
        if (gone.Count == 1)
        {
            DeletionTelemetry.Record(1, DeletionReason.Manual);
            return DeletionOutcome.Deleted;
        }

        return await instances.ExistsAsync(instanceId, cancellationToken) ? DeletionOutcome.NotEnded : DeletionOutcome.NotFound;
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> instances that ended before <paramref name="before"/>, of one definition and
    /// with one sub-status when given, the oldest first; returns their ids.
    /// </summary>
    public async Task<List<string>> DeleteEndedAsync(string? definitionId, WorkflowSubStatus? subStatus, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        while (deleted.Count < max)
        {
            var batch = await store.FindEndedAsync(definitionId, subStatus, before, Math.Min(BatchSize, max - deleted.Count), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var gone = await store.DeleteEndedAsync(batch, clock.GetUtcNow(), cancellationToken);
            DeletionTelemetry.Record(gone.Count, DeletionReason.Manual);
            deleted.AddRange(gone);
            if (gone.Count == 0)
            {
                break; // All held by nodes: a retry took them up.
            }
        }

        return deleted;
    }
}

/// <summary>What a deletion by hand of one instance came to.</summary>
public enum DeletionOutcome
{
    /// <summary>The instance and its rows are gone.</summary>
    Deleted,

    /// <summary>No such instance.</summary>
    NotFound,

    /// <summary>The instance is running (or a node holds it): cancel it first.</summary>
    NotEnded,
}
