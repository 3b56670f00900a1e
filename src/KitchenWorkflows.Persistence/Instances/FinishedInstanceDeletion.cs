using KitchenWorkflows.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>What became of an instance a deletion asked for.</summary>
public enum InstanceDeletionResult
{
    /// <summary>Deleted with its journal, incidents, tags and idempotency keys.</summary>
    Deleted,

    /// <summary>No such instance.</summary>
    NotFound,

    /// <summary>Still running: it is cancelled first, so that no worker writes it again after it is gone.</summary>
    StillRunning,
}

/// <summary>Deletes finished instances (finished, faulted or cancelled) and everything stored about them.</summary>
public sealed class FinishedInstanceDeletion(IDbContextFactory<WorkflowDbContext> contexts)
{
    /// <summary>Deletes one instance when it has finished.</summary>
    public async Task<InstanceDeletionResult> DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The status is checked in the delete itself: an instance that is running cannot slip between a check and the delete.
        var deleted = await db.Instances.Where(i => i.Id == instanceId && i.Status == WorkflowStatus.Finished).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken) ? InstanceDeletionResult.StillRunning : InstanceDeletionResult.NotFound;
        }

        await db.Journal.Where(r => r.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.Incidents.Where(r => r.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.InstanceTags.Where(r => r.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.Bookmarks.Where(r => r.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyKeys.Where(r => r.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InstanceDeletionResult.Deleted;
    }
}
