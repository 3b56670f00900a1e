using System.Data.Common;
using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// The store operations every case pays for (insert, claim, save, release, find an event's bookmarks and
/// triggers, find the published version) in hand-written SQL over the EF model (<see cref="StoreCommand"/>).
/// </summary>
/// <remarks>
/// On PostgreSQL several nodes share the store, and an instance's lease row says which node runs it. A SQLite file
/// belongs to one process (<see cref="SqliteOwnerLock"/>), so there the in-process instance lock is the lease: a claim
/// is a read and nothing lease-related is written. SQLite has one writer per file, so writes go through a
/// <see cref="GroupCommitWriter"/>, and reads through open sessions that keep their statements prepared.
/// </remarks>
public sealed class RuntimeStore : IAsyncDisposable
{
    // PostgreSQL's SQLSTATE for a division by zero: the one-round-trip save's sign of a lost lease.
    private const string DivisionByZero = "22012";

    // The columns of a new instance and of its idempotency key, made once rather than on every start.
    private static readonly (string, Func<WorkflowInstanceRecord, object?>)[] InstanceColumns =
    [
        (nameof(WorkflowInstanceRecord.Id), i => i.Id),
        (nameof(WorkflowInstanceRecord.DefinitionId), i => i.DefinitionId),
        (nameof(WorkflowInstanceRecord.DefinitionVersion), i => i.DefinitionVersion),
        (nameof(WorkflowInstanceRecord.Status), i => i.Status),
        (nameof(WorkflowInstanceRecord.SubStatus), i => i.SubStatus),
        (nameof(WorkflowInstanceRecord.CorrelationId), i => i.CorrelationId),
        (nameof(WorkflowInstanceRecord.Snapshot), i => i.Snapshot),
        (nameof(WorkflowInstanceRecord.Revision), i => i.Revision),
        (nameof(WorkflowInstanceRecord.LeaseOwner), i => i.LeaseOwner),
        (nameof(WorkflowInstanceRecord.LeaseUntil), i => i.LeaseUntil),
        (nameof(WorkflowInstanceRecord.CreatedAt), i => i.CreatedAt),
        (nameof(WorkflowInstanceRecord.UpdatedAt), i => i.UpdatedAt),
        (nameof(WorkflowInstanceRecord.FinishedAt), i => i.FinishedAt),
    ];

    private static readonly (string, Func<IdempotencyRecord, object?>)[] KeyColumns =
    [
        (nameof(IdempotencyRecord.Key), k => k.Key),
        (nameof(IdempotencyRecord.RequestHash), k => k.RequestHash),
        (nameof(IdempotencyRecord.InstanceId), k => k.InstanceId),
        (nameof(IdempotencyRecord.CreatedAt), k => k.CreatedAt),
    ];

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly string? _sqlitePath;
    private readonly SqliteReadSessions? _reads;
    private readonly RecentSnapshots? _snapshots;
    private readonly Lock _writerGate = new();
    private GroupCommitWriter? _writer;
    private StoreModel? _model;

    /// <summary>Creates the store for the configured provider.</summary>
    /// <param name="contexts">Where PostgreSQL connections come from, and the EF model.</param>
    /// <param name="storage">The provider.</param>
    public RuntimeStore(IDbContextFactory<WorkflowDbContext> contexts, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _contexts = contexts;
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            _sqlitePath = storage.Value.SqliteDatabasePath;
            _reads = new SqliteReadSessions(_sqlitePath);
            _snapshots = new RecentSnapshots();
        }
    }

    /// <summary>
    /// Whether other nodes share the store (PostgreSQL), so that leases are rows; false on SQLite, whose one owning
    /// process needs none (claims read, releases and renewals do nothing, and saves do not check an owner).
    /// </summary>
    public bool IsShared => _sqlitePath is null;

    /// <summary>
    /// Makes this process the SQLite file's owner now, so that a second server on the same data directory fails at
    /// start-up with the reason instead of at its first write. Does nothing on PostgreSQL.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process owns the SQLite file.</exception>
    public void TakeOwnership()
    {
        if (!IsShared)
        {
            _ = Writer();
        }
    }

    /// <summary>
    /// Inserts a new instance, and its idempotency key in the same transaction. With <paramref name="publishedVersion"/>,
    /// where nodes share the store, only while that version is still the published one (the start then runs what is
    /// published at its commit, without a round trip of its own to ask); false when it no longer is.
    /// </summary>
    /// <exception cref="DbException">The key (or the id) already exists.</exception>
    public async Task<bool> InsertAsync(WorkflowInstanceRecord instance, IdempotencyRecord? key, int? publishedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var checkedVersion = IsShared ? publishedVersion : null;
        if (await InsertRowsAsync(instance, key, checkedVersion, cancellationToken) == 0)
        {
            return false;
        }

        _snapshots?.Put(instance.Id, instance.Snapshot);
        return true;
    }

    // The rows written: none when the version checked is no longer published (the key's row follows the instance's).
    private Task<int> InsertRowsAsync(WorkflowInstanceRecord instance, IdempotencyRecord? key, int? publishedVersion, CancellationToken cancellationToken) =>
        SingleCommandWriteAsync(async connection =>
        {
            await using var command = connection.Command();
            if (publishedVersion is not { } version)
            {
                command.InsertRows<WorkflowInstanceRecord, WorkflowInstanceRecord>([instance], InstanceColumns)
                    .InsertRows<IdempotencyRecord, IdempotencyRecord>(key is null ? [] : [key], KeyColumns);
            }
            else
            {
                command.InsertRowWhere<WorkflowInstanceRecord, WorkflowInstanceRecord>(instance, where => where.Append("EXISTS (SELECT 1 FROM ").Table<WorkflowDefinitionRecord>()
                    .Append(" WHERE ").Set<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.DefinitionId), instance.DefinitionId)
                    .Append(" AND ").Set<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.Version), version)
                    .Append(" AND ").Set<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.IsPublished), true).Append(")"), InstanceColumns);
                if (key is not null)
                {
                    command.InsertRowWhere<IdempotencyRecord, IdempotencyRecord>(key, where => where.Append("EXISTS (SELECT 1 FROM ").Table<WorkflowInstanceRecord>()
                        .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instance.Id).Append(")"), KeyColumns);
                }
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Takes the instance's lease for <paramref name="node"/> when nobody else holds a live one, and returns its
    /// snapshot; null when the lease is held elsewhere or the instance does not exist. Unshared, only reads the
    /// snapshot (from <see cref="RecentSnapshots"/> when it was saved lately).
    /// </summary>
    public Task<byte[]?> TryClaimAsync(string instanceId, string node, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (_snapshots?.Find(instanceId) is { } recent)
        {
            return Task.FromResult<byte[]?>(recent);
        }

        if (!IsShared)
        {
            return OnConnectionAsync(async connection =>
            {
                await using var select = connection.Command()
                    .Append("SELECT ").Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Snapshot))
                    .Append(" FROM ").Table<WorkflowInstanceRecord>()
                    .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId);
                return await ReadSnapshotAsync(select, cancellationToken);
            }, cancellationToken);
        }

        return SingleCommandWriteAsync(async connection =>
        {
            await using var command = connection.Command()
                .Append("UPDATE ").Table<WorkflowInstanceRecord>().Append(" SET ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), node).Append(", ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil), until)
                .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId)
                .Append(" AND (").Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner)).Append(" IS NULL OR ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), node).Append(" OR ")
                .Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil)).Append(" < ")
                .Value<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil), now)
                .Append(") RETURNING ").Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Snapshot));
            return await ReadSnapshotAsync(command, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Whether the instance exists.</summary>
    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken) =>
        OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command()
                .Append("SELECT 1 FROM ").Table<WorkflowInstanceRecord>()
                .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId);
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }, cancellationToken);

    /// <summary>Gives the lease back, if <paramref name="node"/> still holds it (nothing to give back unshared).</summary>
    public Task ReleaseAsync(string instanceId, string node, CancellationToken cancellationToken) => !IsShared ? Task.CompletedTask :
        SingleCommandWriteAsync(async connection =>
        {
            await using var command = connection.Command()
                .Append("UPDATE ").Table<WorkflowInstanceRecord>().Append(" SET ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), null).Append(", ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil), null)
                .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId)
                .Append(" AND ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), node);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Extends the lease, if <paramref name="node"/> still holds it (nothing to extend unshared).</summary>
    public Task RenewLeaseAsync(string instanceId, string node, DateTimeOffset until, CancellationToken cancellationToken) => !IsShared ? Task.CompletedTask :
        SingleCommandWriteAsync(async connection =>
        {
            await using var command = connection.Command()
                .Append("UPDATE ").Table<WorkflowInstanceRecord>().Append(" SET ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil), until)
                .Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), instanceId)
                .Append(" AND ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), node);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// One transaction: the snapshot and the lease release (only while the node still holds the lease), the
    /// bookmark and tag rows that changed, the new journal entries and the incident. False when the lease was lost.
    /// </summary>
    public async Task<bool> SaveAsync(InstanceSave save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (!await SaveRowsAsync(save, cancellationToken))
        {
            return false;
        }

        _snapshots?.Put(save.State.Id, save.Snapshot);
        return true;
    }

    // SQLite: the update, and the rows only when it found the instance, in the writer's transaction.
    private Task<bool> SaveRowsAsync(InstanceSave save, CancellationToken cancellationToken) => IsShared ? SaveInOneRoundTripAsync(save, cancellationToken) :
        Writer().WriteAsync(async connection =>
        {
            await using var update = AppendInstanceUpdate(connection.Command(), save);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }

            await using var rows = AppendRowChanges(connection.Command(), save);
            if (!rows.IsEmpty)
            {
                await rows.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);

    // PostgreSQL: the update and the rows in one command, which runs as one implicit transaction in one round trip
    // (a transaction of its own took three). When the lease is lost the update matches no row, and the statement
    // around it divides by that count: the error rolls the whole command back, rows included.
    private async Task<bool> SaveInOneRoundTripAsync(InstanceSave save, CancellationToken cancellationToken)
    {
        try
        {
            await OnConnectionAsync(async connection =>
            {
                await using var command = AppendInstanceUpdate(connection.Command().Append("WITH saved AS ("), save)
                    .Append(" RETURNING 1) SELECT 1 / COUNT(*) FROM saved;\n");
                return await AppendRowChanges(command, save).ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
            return true;
        }
        catch (DbException ex) when (ex.SqlState == DivisionByZero)
        {
            return false;
        }
    }

    // The snapshot and the columns read from it; where nodes share the store, the lease is released and must still be this node's.
    private StoreCommand AppendInstanceUpdate(StoreCommand command, InstanceSave save)
    {
        var state = save.State;
        command.Append("UPDATE ").Table<WorkflowInstanceRecord>().Append(" SET ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Snapshot), save.Snapshot).Append(", ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Status), state.Status).Append(", ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.SubStatus), state.SubStatus).Append(", ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.CorrelationId), state.CorrelationId).Append(", ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.UpdatedAt), state.UpdatedAt).Append(", ")
            .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.FinishedAt), state.FinishedAt).Append(", ")
            .Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Revision)).Append(" = ")
            .Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Revision)).Append(" + 1");
        if (IsShared)
        {
            command.Append(", ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), null).Append(", ")
                .Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseUntil), null);
        }

        command.Append(" WHERE ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id), state.Id);
        return IsShared ? command.Append(" AND ").Set<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.LeaseOwner), save.Node) : command;
    }

    // The bookmark and tag rows that changed, the new journal entries and the incident.
    private static StoreCommand AppendRowChanges(StoreCommand command, InstanceSave save)
    {
        var id = save.State.Id;
        AppendBookmarkChanges(command, save);
        AppendTagChanges(command, save);
        return command.InsertRows<JournalRecord, JournalEntry>(save.Journal,
                (nameof(JournalRecord.InstanceId), _ => id),
                (nameof(JournalRecord.Sequence), e => e.Sequence),
                (nameof(JournalRecord.ActivityId), e => e.ActivityId),
                (nameof(JournalRecord.ActivityType), e => e.ActivityType),
                (nameof(JournalRecord.ActivityName), e => e.ActivityName),
                (nameof(JournalRecord.StartedAt), e => e.StartedAt),
                (nameof(JournalRecord.CompletedAt), e => e.CompletedAt),
                (nameof(JournalRecord.Status), e => e.Status),
                (nameof(JournalRecord.Outcomes), e => JsonSerializer.Serialize(e.Outcomes)),
                (nameof(JournalRecord.Message), e => e.Message),
                (nameof(JournalRecord.Error), e => e.Error))
            .InsertRows<IncidentRecord, Incident>(save.Incident is null ? [] : [save.Incident],
                (nameof(IncidentRecord.InstanceId), _ => id),
                (nameof(IncidentRecord.ActivityId), i => i.ActivityId),
                (nameof(IncidentRecord.ActivityType), i => i.ActivityType),
                (nameof(IncidentRecord.Message), i => i.Message),
                (nameof(IncidentRecord.ExceptionType), i => i.ExceptionType),
                (nameof(IncidentRecord.Attempts), i => i.Attempts),
                (nameof(IncidentRecord.Timestamp), i => i.Timestamp));
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
        OnConnectionAsync(async connection =>
        {
            // Both queries in one command: one round trip on PostgreSQL.
            await using var command = connection.Command()
                .Append("SELECT ").Column<BookmarkRecord>(nameof(BookmarkRecord.InstanceId)).Append(", ").Column<BookmarkRecord>(nameof(BookmarkRecord.Id))
                .Append(" FROM ").Table<BookmarkRecord>()
                .Append(" WHERE ").Set<BookmarkRecord>(nameof(BookmarkRecord.Name), eventName)
                .Append(" AND ").Column<BookmarkRecord>(nameof(BookmarkRecord.DueAt)).Append(" IS NULL");
            if (correlationId is not null)
            {
                command.Append(" AND ").Set<BookmarkRecord>(nameof(BookmarkRecord.CorrelationId), correlationId);
            }

            if (onlyDefinitions is not null)
            {
                command.Append(" AND ").Column<BookmarkRecord>(nameof(BookmarkRecord.InstanceId)).Append(" IN (SELECT ")
                    .Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.Id)).Append(" FROM ").Table<WorkflowInstanceRecord>()
                    .Append(" WHERE ").Column<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.DefinitionId)).Append(" IN (")
                    .Values<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.DefinitionId), onlyDefinitions).Append("))");
            }

            command.Append(";\nSELECT ").Column<TriggerRecord>(nameof(TriggerRecord.DefinitionId)).Append(", ").Column<TriggerRecord>(nameof(TriggerRecord.ActivityId))
                .Append(" FROM ").Table<TriggerRecord>()
                .Append(" WHERE ").Set<TriggerRecord>(nameof(TriggerRecord.EventName), eventName);
            if (onlyDefinitions is not null)
            {
                command.Append(" AND ").Column<TriggerRecord>(nameof(TriggerRecord.DefinitionId)).Append(" IN (")
                    .Values<TriggerRecord>(nameof(TriggerRecord.DefinitionId), onlyDefinitions).Append(")");
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var bookmarks = await ReadPairsAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return new EventTargets(bookmarks, await ReadPairsAsync(reader, cancellationToken));
        }, cancellationToken);

    /// <summary>The published version of a definition, or null when none is published.</summary>
    public Task<int?> FindPublishedVersionAsync(string definitionId, CancellationToken cancellationToken) =>
        OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command()
                .Append("SELECT ").Column<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.Version))
                .Append(" FROM ").Table<WorkflowDefinitionRecord>()
                .Append(" WHERE ").Set<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.DefinitionId), definitionId)
                .Append(" AND ").Set<WorkflowDefinitionRecord>(nameof(WorkflowDefinitionRecord.IsPublished), true);
            return await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull ? Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        }, cancellationToken);

    private static async Task<byte[]?> ReadSnapshotAsync(StoreCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    private static async Task<List<(string, string)>> ReadPairsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetString(1)));
        }

        return found;
    }

    // Removed and changed bookmarks are deleted, new ones inserted; a bookmark never changes under its id.
    private static void AppendBookmarkChanges(StoreCommand rows, InstanceSave save)
    {
        var current = save.State.Bookmarks;
        foreach (var id in save.StoredBookmarkIds)
        {
            if (!current.Exists(b => b.Id == id))
            {
                rows.Append("DELETE FROM ").Table<BookmarkRecord>().Append(" WHERE ").Set<BookmarkRecord>(nameof(BookmarkRecord.Id), id).Append(";\n");
            }
        }

        rows.InsertRows<BookmarkRecord, Bookmark>(current.FindAll(b => !save.StoredBookmarkIds.Contains(b.Id)),
            (nameof(BookmarkRecord.Id), b => b.Id),
            (nameof(BookmarkRecord.InstanceId), _ => save.State.Id),
            (nameof(BookmarkRecord.ActivityId), b => b.ActivityId),
            (nameof(BookmarkRecord.Name), b => b.Name),
            (nameof(BookmarkRecord.CorrelationId), b => b.CorrelationId),
            (nameof(BookmarkRecord.DueAt), b => b.DueAt),
            (nameof(BookmarkRecord.CreatedAt), b => b.CreatedAt));
    }

    private static void AppendTagChanges(StoreCommand rows, InstanceSave save)
    {
        var current = save.State.Tags;
        foreach (var (name, value) in save.StoredTags)
        {
            if (!current.TryGetValue(name, out var now) || now != value)
            {
                rows.Append("DELETE FROM ").Table<InstanceTagRecord>()
                    .Append(" WHERE ").Set<InstanceTagRecord>(nameof(InstanceTagRecord.InstanceId), save.State.Id)
                    .Append(" AND ").Set<InstanceTagRecord>(nameof(InstanceTagRecord.Name), name).Append(";\n");
            }
        }

        rows.InsertRows<InstanceTagRecord, KeyValuePair<string, string>>([.. current.Where(t => !save.StoredTags.TryGetValue(t.Key, out var before) || before != t.Value)],
            (nameof(InstanceTagRecord.InstanceId), _ => save.State.Id),
            (nameof(InstanceTagRecord.Name), t => t.Key),
            (nameof(InstanceTagRecord.Value), t => t.Value));
    }

    /// <summary>Completes the SQLite writes already queued, and closes the read sessions.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (_reads is not null)
        {
            await _reads.DisposeAsync();
        }
    }

    // A write of one command needs no transaction of its own on PostgreSQL, where the statements of one command
    // run in an implicit transaction: leaving out BEGIN and COMMIT saves a round trip per write.
    private Task<T> SingleCommandWriteAsync<T>(Func<StoreConnection, Task<T>> write, CancellationToken cancellationToken) =>
        IsShared ? OnConnectionAsync(write, cancellationToken) : Writer().WriteAsync(write, cancellationToken);

    // A read, or a PostgreSQL write of one command: a SQLite read session, or a pooled PostgreSQL connection
    // opened through EF (so its connection set-up applies), without a transaction.
    private async Task<T> OnConnectionAsync<T>(Func<StoreConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_reads is not null)
        {
            return await _reads.RunAsync(session => work(new StoreConnection(session.Connection, null, session, Model())), cancellationToken);
        }

        await using var db = _contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await work(new StoreConnection(db.Database.GetDbConnection(), null, null, Model()));
    }

    // Created at the first write (or TakeOwnership), not with the store: a process that only reads the file (the
    // keys command beside a running server) never takes the owner lock.
    private GroupCommitWriter Writer()
    {
        if (Volatile.Read(ref _writer) is { } writer)
        {
            return writer;
        }

        lock (_writerGate)
        {
            return _writer ??= new GroupCommitWriter(_sqlitePath!, Model(), SqliteOwnerLock.Acquire(_sqlitePath!));
        }
    }

    private StoreModel Model()
    {
        if (_model is { } model)
        {
            return model;
        }

        using var db = _contexts.CreateDbContext();
        return _model = new StoreModel(db);
    }
}
