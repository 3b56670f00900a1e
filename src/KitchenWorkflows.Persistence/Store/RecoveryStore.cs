using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// What a node looks for to pick up work nobody is doing: instances with queued work that no live node holds, due
/// bookmarks whose scheduled job was lost, and at start-up the leases of its own previous life.
/// </summary>
public sealed class RecoveryStore
{
    private static readonly StoreSql Pending = new("""
        SELECT "Id" FROM "WorkflowInstances"
        WHERE "SubStatus" = @executing AND ("LeaseOwner" IS NULL OR "LeaseUntil" < @now)
        ORDER BY "CreatedAt"
        """);

    private static readonly StoreSql Overdue = new("""
        SELECT b."InstanceId", b."Id" FROM "Bookmarks" AS b
        WHERE b."DueAt" IS NOT NULL AND b."DueAt" <= @late
          AND EXISTS (SELECT 1 FROM "WorkflowInstances" AS i
                      WHERE i."Id" = b."InstanceId" AND (i."LeaseOwner" IS NULL OR i."LeaseUntil" < @now))
        ORDER BY b."DueAt"
        """);

    private static readonly StoreSql ReleaseNodeLeases = new("""
        UPDATE "WorkflowInstances" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "LeaseOwner" = @node
        """);

    private static readonly StoreSql ReleaseAllLeases = new("""
        UPDATE "WorkflowInstances" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "LeaseOwner" IS NOT NULL
        """);

    private readonly StoreConnections _connections;

    internal RecoveryStore(StoreConnections connections) => _connections = connections;

    /// <summary>Ids of instances with queued work that no live node holds, oldest first.</summary>
    public Task<List<string>> FindPendingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(Pending)
                .Bind<WorkflowInstanceRecord>("executing", nameof(WorkflowInstanceRecord.SubStatus), WorkflowSubStatus.Executing)
                .Bind<WorkflowInstanceRecord>("now", nameof(WorkflowInstanceRecord.LeaseUntil), now)
                .Limit(limit);
            return await command.ReadStringsAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The (instance, bookmark) pairs due at <paramref name="late"/> or before whose instance no live node holds, the
    /// longest due first: a bookmark still there after its due time lost its scheduled job.
    /// </summary>
    public Task<List<(string InstanceId, string BookmarkId)>> FindOverdueBookmarksAsync(DateTimeOffset late, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(Overdue)
                .Bind<BookmarkRecord>("late", nameof(BookmarkRecord.DueAt), late)
                .Bind<WorkflowInstanceRecord>("now", nameof(WorkflowInstanceRecord.LeaseUntil), now)
                .Limit(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = new List<(string, string)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }

            return found;
        }, cancellationToken);

    /// <summary>
    /// Gives back the leases <paramref name="node"/> held before a restart, so its unfinished work resumes at once. On
    /// SQLite every lease: its single owner writes none, so any left come from an earlier version.
    /// </summary>
    public Task ReleaseLeasesOfAsync(string node, CancellationToken cancellationToken) =>
        _connections.WriteAsync(async connection =>
        {
            await using var command = _connections.IsShared
                ? connection.Command().Append(ReleaseNodeLeases).Bind<WorkflowInstanceRecord>("node", nameof(WorkflowInstanceRecord.LeaseOwner), node)
                : connection.Command().Append(ReleaseAllLeases);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
