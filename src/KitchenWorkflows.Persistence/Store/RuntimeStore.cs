using System.Data.Common;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// The store operations every case pays for (insert, claim, keep and release the lease, save, find an event's bookmarks
/// and triggers, replay a keyed start) in hand-written SQL (<see cref="StoreSql"/>). Where nodes share the store
/// (PostgreSQL) an instance's lease is a row; on SQLite, whose file one process owns, the lease calls do nothing and a
/// claim only reads (<see cref="StoreConnections"/>). The runtime sees the same calls on both.
/// </summary>
public sealed class RuntimeStore
{
    private static readonly StoreRows<WorkflowInstanceRecord> InsertInstance = new("""
        INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "Status", "SubStatus", "CorrelationId", "ParentId", "Snapshot",
            "Revision", "LeaseOwner", "LeaseUntil", "CreatedAt", "UpdatedAt", "FinishedAt")
        """,
        [(_, i) => i.Id, (_, i) => i.DefinitionId, (_, i) => i.DefinitionVersion, (_, i) => i.Status, (_, i) => i.SubStatus, (_, i) => i.CorrelationId, (_, i) => i.ParentId, (_, i) => i.Snapshot,
            (_, i) => i.Revision, (_, i) => i.LeaseOwner, (_, i) => i.LeaseUntil, (_, i) => i.CreatedAt, (_, i) => i.UpdatedAt, (_, i) => i.FinishedAt]);

    private static readonly StoreRows<IdempotencyRecord> InsertKey = new("""
        INSERT INTO "IdempotencyKeys" ("Key", "RequestHash", "InstanceId", "CreatedAt")
        """,
        [(_, k) => k.Key, (_, k) => k.RequestHash, (_, k) => k.InstanceId, (_, k) => k.CreatedAt]);

    private static readonly StoreSql IsPublished = new("""
        EXISTS (SELECT 1 FROM "WorkflowDefinitions" WHERE "DefinitionId" = @definition AND "Version" = @version AND "IsPublished" = @published)
        """);

    private static readonly StoreSql InstanceInserted = new("""
        EXISTS (SELECT 1 FROM "WorkflowInstances" WHERE "Id" = @id)
        """);

    private static readonly StoreSql FindKey = new("""
        SELECT k."RequestHash", i."Snapshot" FROM "IdempotencyKeys" AS k LEFT JOIN "WorkflowInstances" AS i ON i."Id" = k."InstanceId"
        WHERE k."Key" = @key
        """);

    private static readonly StoreSql ReadSnapshot = new("""
        SELECT "Snapshot" FROM "WorkflowInstances" WHERE "Id" = @id
        """);

    private static readonly StoreSql Claim = new("""
        UPDATE "WorkflowInstances" SET "LeaseOwner" = @node, "LeaseUntil" = @until
        WHERE "Id" = @id AND ("LeaseOwner" IS NULL OR "LeaseOwner" = @node OR "LeaseUntil" < @now)
        RETURNING "Snapshot"
        """);

    private static readonly StoreSql Exists = new("""
        SELECT 1 FROM "WorkflowInstances" WHERE "Id" = @id
        """);

    private static readonly StoreSql Release = new("""
        UPDATE "WorkflowInstances" SET "LeaseOwner" = NULL, "LeaseUntil" = NULL WHERE "Id" = @id AND "LeaseOwner" = @node
        """);

    private static readonly StoreSql Renew = new("""
        UPDATE "WorkflowInstances" SET "LeaseUntil" = @until WHERE "Id" = @id AND "LeaseOwner" = @node
        """);

    private readonly StoreConnections _connections;
    private readonly RecentSnapshots? _snapshots;

    internal RuntimeStore(StoreConnections connections)
    {
        _connections = connections;
        _snapshots = connections.IsShared ? null : new RecentSnapshots();
    }

    /// <summary>
    /// Makes this process the SQLite file's owner now, so that a second server on the same data directory fails at
    /// start-up with the reason instead of at its first write. Does nothing on PostgreSQL.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process owns the SQLite file.</exception>
    public void TakeOwnership() => _connections.TakeOwnership();

    /// <summary>Writes a little where the store keeps its data; throws while the storage still refuses writes (see <see cref="StorageWrites"/>).</summary>
    public Task ProbeWriteAsync(CancellationToken cancellationToken) => _connections.ProbeWriteAsync(cancellationToken);

    /// <summary>
    /// Inserts a new instance, and its idempotency key in the same transaction. Where nodes share the store, the
    /// instance is leased to <see cref="NewInstance.Node"/> (its own worker runs it even when dispatched; another node's
    /// poller leaves it alone unless this node dies), and with <see cref="NewInstance.PublishedVersion"/> it is inserted
    /// only while that version is still the published one (the start then runs what is published at its commit,
    /// without a round trip of its own to ask).
    /// </summary>
    public async Task<InsertOutcome> InsertAsync(NewInstance start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var instance = Record(start);
        var key = start.Key is { } k ? new IdempotencyRecord { Key = k.Key, RequestHash = k.RequestHash, InstanceId = instance.Id, CreatedAt = instance.CreatedAt } : null;
        try
        {
            if (await InsertRowsAsync(instance, key, _connections.IsShared ? start.PublishedVersion : null, cancellationToken) == 0)
            {
                return InsertOutcome.NoLongerPublished;
            }
        }
        catch (DbException ex) when (key is not null && StorageFault.Describe(ex) is null)
        {
            // The key's unique index refused the row: another start took the key. A full or read-only store is no
            // such answer (it refused the instance too, and the key is free for a retry once it takes writes).
            return InsertOutcome.KeyTaken;
        }

        _snapshots?.Put(instance.Id, instance.Snapshot);
        return InsertOutcome.Inserted;
    }

    private WorkflowInstanceRecord Record(NewInstance start) => new()
    {
        Id = start.State.Id,
        DefinitionId = start.State.DefinitionId,
        DefinitionVersion = start.State.DefinitionVersion,
        Status = start.State.Status,
        SubStatus = start.State.SubStatus,
        CorrelationId = start.State.CorrelationId,
        ParentId = start.State.ParentId,
        Snapshot = start.Snapshot,
        LeaseOwner = _connections.IsShared ? start.Node : null,
        LeaseUntil = _connections.IsShared ? start.State.CreatedAt + start.LeaseDuration : null,
        CreatedAt = start.State.CreatedAt,
        UpdatedAt = start.State.UpdatedAt,
    };

    // The rows written: none when the version checked is no longer published (the key's row follows the instance's).
    private Task<int> InsertRowsAsync(WorkflowInstanceRecord instance, IdempotencyRecord? key, int? publishedVersion, CancellationToken cancellationToken) =>
        _connections.WriteAsync(async connection =>
        {
            await using var command = connection.Command();
            if (publishedVersion is not { } version)
            {
                command.InsertRows(InsertInstance, instance.Id, [instance]).InsertRows(InsertKey, instance.Id, key is null ? [] : [key]);
            }
            else
            {
                command.InsertRowWhere(InsertInstance, instance.Id, instance, IsPublished)
                    .Bind<WorkflowDefinitionRecord>("definition", nameof(WorkflowDefinitionRecord.DefinitionId), instance.DefinitionId)
                    .Bind<WorkflowDefinitionRecord>("version", nameof(WorkflowDefinitionRecord.Version), version)
                    .Bind<WorkflowDefinitionRecord>("published", nameof(WorkflowDefinitionRecord.IsPublished), true)
                    .EndStatement();
                if (key is not null)
                {
                    command.InsertRowWhere(InsertKey, instance.Id, key, InstanceInserted)
                        .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instance.Id)
                        .EndStatement();
                }
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The instance a start with this (definition-scoped) idempotency key made, and the hash of that start's request;
    /// null when the key is unused.
    /// </summary>
    public Task<KeyedStart?> FindKeyedStartAsync(string scopedKey, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(FindKey)
                .Bind<IdempotencyRecord>("key", nameof(IdempotencyRecord.Key), scopedKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return reader.IsDBNull(1)
                ? throw new InvalidOperationException($"The instance of idempotency key '{scopedKey}' is missing.")
                : new KeyedStart(reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        }, cancellationToken);

    /// <summary>
    /// Takes the instance's lease for <paramref name="node"/> when nobody else holds a live one, and returns its
    /// snapshot; null when the lease is held elsewhere or the instance does not exist. On SQLite only reads the
    /// snapshot (from <see cref="RecentSnapshots"/> when it was saved lately).
    /// </summary>
    public Task<byte[]?> TryClaimAsync(string instanceId, string node, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (!_connections.IsShared)
        {
            return ReadAsync(instanceId, cancellationToken);
        }

        return _connections.WriteAsync(async connection =>
        {
            await using var claim = connection.Command().Append(Claim)
                .Bind<WorkflowInstanceRecord>("node", nameof(WorkflowInstanceRecord.LeaseOwner), node)
                .Bind<WorkflowInstanceRecord>("until", nameof(WorkflowInstanceRecord.LeaseUntil), until)
                .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instanceId)
                .Bind<WorkflowInstanceRecord>("now", nameof(WorkflowInstanceRecord.LeaseUntil), now);
            return await ReadSnapshotAsync(claim, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The saved snapshot of an instance, without claiming it; null when there is no such instance.</summary>
    public Task<byte[]?> ReadAsync(string instanceId, CancellationToken cancellationToken) =>
        _snapshots?.Find(instanceId) is { } recent ? Task.FromResult<byte[]?>(recent) :
        _connections.OnConnectionAsync(async connection =>
        {
            await using var select = connection.Command().Append(ReadSnapshot)
                .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instanceId);
            return await ReadSnapshotAsync(select, cancellationToken);
        }, cancellationToken);

    /// <summary>Whether the instance exists.</summary>
    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(Exists)
                .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instanceId);
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    /// <summary>
    /// Keeps <paramref name="node"/>'s lease on the instance alive while a run holds it (see <see cref="LeaseKeeper"/>),
    /// until disposed; null on SQLite, where the in-process lock is the lease and there is nothing to renew.
    /// </summary>
    public IAsyncDisposable? KeepLease(string instanceId, string node, TimeProvider clock, TimeSpan leaseDuration) =>
        _connections.IsShared ? new LeaseKeeper(this, instanceId, node, clock, leaseDuration) : null;

    /// <summary>Gives the lease back, if <paramref name="node"/> still holds it (nothing to give back on SQLite).</summary>
    public Task ReleaseAsync(string instanceId, string node, CancellationToken cancellationToken) => !_connections.IsShared ? Task.CompletedTask :
        _connections.WriteAsync(async connection =>
        {
            await using var command = connection.Command().Append(Release)
                .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instanceId)
                .Bind<WorkflowInstanceRecord>("node", nameof(WorkflowInstanceRecord.LeaseOwner), node);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Extends the lease, if <paramref name="node"/> still holds it.</summary>
    internal Task RenewLeaseAsync(string instanceId, string node, DateTimeOffset until, CancellationToken cancellationToken) =>
        _connections.WriteAsync(async connection =>
        {
            await using var command = connection.Command().Append(Renew)
                .Bind<WorkflowInstanceRecord>("until", nameof(WorkflowInstanceRecord.LeaseUntil), until)
                .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), instanceId)
                .Bind<WorkflowInstanceRecord>("node", nameof(WorkflowInstanceRecord.LeaseOwner), node);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// One transaction: the snapshot and the lease release (only while the node still holds the lease), the
    /// bookmark and tag rows that changed, the new journal entries and the incident (<see cref="InstanceSaveCommand"/>).
    /// False when the lease was lost: then nothing is written.
    /// </summary>
    public async Task<bool> SaveAsync(InstanceSave save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        var saved = _connections.IsShared
            ? await _connections.OnConnectionAsync(connection => InstanceSaveCommand.SaveIfLeaseHeldAsync(connection, save, cancellationToken), cancellationToken)
            : await _connections.WriteAsync(connection => InstanceSaveCommand.SaveAsync(connection, save, cancellationToken), cancellationToken);
        if (saved)
        {
            _snapshots?.Put(save.State.Id, save.Snapshot);
        }

        return saved;
    }

    /// <summary>
    /// What an event reaches: the (instance, bookmark) pairs waiting for it, on its correlation when one is given,
    /// and the (definition, activity) of every published <c>Elsa.Event</c> trigger with its name.
    /// </summary>
    /// <param name="eventName">The event.</param>
    /// <param name="correlationId">Only bookmarks of this correlation, when given.</param>
    /// <param name="onlyDefinitions">When given, only instances and triggers of these definitions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EventTargets> FindEventTargetsAsync(string eventName, string? correlationId, IReadOnlyCollection<string>? onlyDefinitions, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(connection => EventTargetQuery.RunAsync(connection, eventName, correlationId, onlyDefinitions, cancellationToken), cancellationToken);

    private static async Task<byte[]?> ReadSnapshotAsync(StoreCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<byte[]>(0) : null;
    }
}
