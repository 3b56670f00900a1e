using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// What the child workflows leave for the sweep when a process dies between two commits: a parent still waiting for a
/// child that has ended (or settled, for a parent that waits only that long), running children of a cancelled parent,
/// and the running children a cancel reaches.
/// </summary>
public sealed class ChildWorkflowRecovery
{
    private static readonly StoreSql WaitingParents = new("""
        SELECT b."InstanceId", c."Snapshot" FROM "Bookmarks" AS b
        JOIN "WorkflowInstances" AS c ON c."Id" = b."CorrelationId" AND c."ParentId" = b."InstanceId"
        WHERE ((b."Name" = @ended AND c."Status" = @finished) OR (b."Name" = @settled AND c."SubStatus" <> @executing))
          AND c."UpdatedAt" <= @late
          AND EXISTS (SELECT 1 FROM "WorkflowInstances" AS p
                      WHERE p."Id" = b."InstanceId" AND (p."LeaseOwner" IS NULL OR p."LeaseUntil" < @now))
        ORDER BY c."UpdatedAt"
        """);

    private static readonly StoreSql ChildrenOfCancelled = new("""
        SELECT c."Id" FROM "WorkflowInstances" AS c JOIN "WorkflowInstances" AS p ON p."Id" = c."ParentId"
        WHERE c."Status" = @running AND p."SubStatus" = @cancelled
        ORDER BY c."CreatedAt"
        """);

    private static readonly StoreSql RunningChildren = new("""
        SELECT "Id" FROM "WorkflowInstances" WHERE "ParentId" = @parent AND "Status" = @running ORDER BY "CreatedAt"
        """);

    private readonly StoreConnections _connections;

    internal ChildWorkflowRecovery(StoreConnections connections) => _connections = connections;

    /// <summary>
    /// The parents waiting for a child that ended (or settled) at <paramref name="late"/> or before, with that child's
    /// state, where no live node holds the parent: the resume after the child's save was lost.
    /// </summary>
    public Task<List<(string ParentId, WorkflowInstanceState Child)>> FindWaitingParentsAsync(DateTimeOffset late, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(WaitingParents)
                .Bind<BookmarkRecord>("ended", nameof(BookmarkRecord.Name), ChildWorkflowWait.EndedName)
                .Bind<BookmarkRecord>("settled", nameof(BookmarkRecord.Name), ChildWorkflowWait.SettledName)
                .Bind<WorkflowInstanceRecord>("finished", nameof(WorkflowInstanceRecord.Status), WorkflowStatus.Finished)
                .Bind<WorkflowInstanceRecord>("executing", nameof(WorkflowInstanceRecord.SubStatus), WorkflowSubStatus.Executing)
                .Bind<WorkflowInstanceRecord>("late", nameof(WorkflowInstanceRecord.UpdatedAt), late)
                .Bind<WorkflowInstanceRecord>("now", nameof(WorkflowInstanceRecord.LeaseUntil), now)
                .Limit(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = new List<(string, WorkflowInstanceState)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), WorkflowStateSerializer.Deserialize(reader.GetFieldValue<byte[]>(1))));
            }

            return found;
        }, cancellationToken);

    /// <summary>Running children of cancelled parents: the cancel's cascade was cut short.</summary>
    public Task<List<string>> FindChildrenOfCancelledAsync(int limit, CancellationToken cancellationToken) =>
        ReadIdsAsync(connection => connection.Command().Append(ChildrenOfCancelled)
            .Bind<WorkflowInstanceRecord>("running", nameof(WorkflowInstanceRecord.Status), WorkflowStatus.Running)
            .Bind<WorkflowInstanceRecord>("cancelled", nameof(WorkflowInstanceRecord.SubStatus), WorkflowSubStatus.Cancelled)
            .Limit(limit), cancellationToken);

    /// <summary>The running children of an instance.</summary>
    public Task<List<string>> FindRunningChildrenAsync(string parentId, CancellationToken cancellationToken) =>
        ReadIdsAsync(connection => connection.Command().Append(RunningChildren)
            .Bind<WorkflowInstanceRecord>("parent", nameof(WorkflowInstanceRecord.ParentId), parentId)
            .Bind<WorkflowInstanceRecord>("running", nameof(WorkflowInstanceRecord.Status), WorkflowStatus.Running), cancellationToken);

    private Task<List<string>> ReadIdsAsync(Func<StoreConnection, StoreCommand> build, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = build(connection);
            return await command.ReadStringsAsync(cancellationToken);
        }, cancellationToken);
}
