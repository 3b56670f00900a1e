using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Deletes ended instances with everything that hangs off them (journal, bookmarks, tags, incidents, idempotency
/// keys), a batch per transaction. Only an instance that has ended and that no node holds is deleted: one that a
/// retry took up in the meantime stays, and so do its rows.
/// </summary>
public sealed class InstanceDeletionStore
{
    // Ended before a time; with a definition a range of the (DefinitionId, Status, FinishedAt) index. The oldest
    // first, so that a run that stops part-way has deleted what was longest overdue.
    private static readonly StoreSql Ended = new("""
        SELECT "Id" FROM "WorkflowInstances" WHERE "Status" = @finished AND "FinishedAt" < @before
        """);

    private static readonly StoreSql OfDefinition = new("""
         AND "DefinitionId" = @definition
        """);

    private static readonly StoreSql WithSubStatus = new("""
         AND "SubStatus" = @subStatus
        """);

    // The instances of the batch that may go. On PostgreSQL they are locked until the transaction ends, so a node
    // claiming one for a retry waits, and then finds it gone; SQLite's single writer needs no lock.
    private static readonly StoreSql Deletable = new("""
        SELECT "Id" FROM "WorkflowInstances"
        WHERE "Status" = @finished AND ("LeaseOwner" IS NULL OR "LeaseUntil" < @now) AND "Id" IN (
        """);

    private static readonly StoreSql DeleteJournal = new("""DELETE FROM "Journal" WHERE "InstanceId" IN (""");

    private static readonly StoreSql DeleteBookmarks = new("""DELETE FROM "Bookmarks" WHERE "InstanceId" IN (""");

    private static readonly StoreSql DeleteTags = new("""DELETE FROM "InstanceTags" WHERE "InstanceId" IN (""");

    private static readonly StoreSql DeleteIncidents = new("""DELETE FROM "Incidents" WHERE "InstanceId" IN (""");

    private static readonly StoreSql DeleteKeys = new("""DELETE FROM "IdempotencyKeys" WHERE "InstanceId" IN (""");

    private static readonly StoreSql DeleteInstances = new("""DELETE FROM "WorkflowInstances" WHERE "Id" IN (""");

    private static readonly StoreSql[] Dependents = [DeleteJournal, DeleteBookmarks, DeleteTags, DeleteIncidents, DeleteKeys];

    private readonly StoreConnections _connections;

    internal InstanceDeletionStore(StoreConnections connections) => _connections = connections;

    /// <summary>
    /// Up to <paramref name="limit"/> ids of instances that ended before <paramref name="before"/>, of one definition and
    /// with one sub-status when given, the oldest first.
    /// </summary>
    public Task<List<string>> FindEndedAsync(string? definitionId, WorkflowSubStatus? subStatus, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(Ended)
                .Bind<WorkflowInstanceRecord>("finished", nameof(WorkflowInstanceRecord.Status), WorkflowStatus.Finished)
                .Bind<WorkflowInstanceRecord>("before", nameof(WorkflowInstanceRecord.FinishedAt), before);
            if (definitionId is not null)
            {
                command.Append(OfDefinition).Bind<WorkflowInstanceRecord>("definition", nameof(WorkflowInstanceRecord.DefinitionId), definitionId);
            }

            if (subStatus is not null)
            {
                command.Append(WithSubStatus).Bind<WorkflowInstanceRecord>("subStatus", nameof(WorkflowInstanceRecord.SubStatus), subStatus.Value);
            }

            command.Append(" ORDER BY \"FinishedAt\"").Limit(limit);
            return await command.ReadStringsAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Deletes those of <paramref name="instanceIds"/> that have ended and that no node holds at <paramref name="now"/>,
    /// in one transaction; returns the ids deleted.
    /// </summary>
    public Task<List<string>> DeleteEndedAsync(IReadOnlyCollection<string> instanceIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        if (instanceIds.Count == 0)
        {
            return Task.FromResult(new List<string>());
        }

        return _connections.WriteAsync(async connection =>
        {
            // One command: PostgreSQL runs its statements in one implicit transaction, SQLite in the writer's. The first
            // statement answers which instances go; the others delete exactly those, read again under the same condition.
            await using var command = connection.Command();
            AppendDeletable(command, instanceIds, now).Append(_connections.IsShared ? " FOR UPDATE;\n" : ";\n");
            foreach (var dependent in Dependents)
            {
                command.Append(dependent);
                AppendDeletable(command, instanceIds, now).Append(");\n");
            }

            command.Append(DeleteInstances);
            AppendDeletable(command, instanceIds, now).Append(");\n");
            return await command.ReadStringsAsync(cancellationToken);
        }, cancellationToken);
    }

    private static StoreCommand AppendDeletable(StoreCommand command, IEnumerable<string> instanceIds, DateTimeOffset now) =>
        command.Append(Deletable)
            .Bind<WorkflowInstanceRecord>("finished", nameof(WorkflowInstanceRecord.Status), WorkflowStatus.Finished)
            .Bind<WorkflowInstanceRecord>("now", nameof(WorkflowInstanceRecord.LeaseUntil), now)
            .Values<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceIds)
            .Append(")");
}
