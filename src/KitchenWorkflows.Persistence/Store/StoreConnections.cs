using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Where the store's statements run, and the one place that knows the provider's difference that matters to them.
/// </summary>
/// <remarks>
/// On PostgreSQL several nodes share the store, and an instance's lease row says which node runs it. A SQLite file
/// belongs to one process (<see cref="SqliteOwnerLock"/>), so there the in-process instance lock is the lease: a claim
/// is a read and nothing lease-related is written. SQLite has one writer per file, so writes go through a
/// <see cref="GroupCommitWriter"/>, and reads through open sessions that keep their statements prepared.
/// </remarks>
internal sealed class StoreConnections : IAsyncDisposable
{
    // What a write probe writes: enough to need a new block of the disk.
    private const int ProbeBytes = 64 * 1024;

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly StorageWrites _writes;
    private readonly string? _sqlitePath;
    private readonly SqliteReadSessions? _reads;
    private readonly Lock _writerGate = new();
    private GroupCommitWriter? _writer;
    private StoreModel? _model;

    public StoreConnections(IDbContextFactory<WorkflowDbContext> contexts, IOptions<StorageOptions> storage, StorageWrites writes)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _contexts = contexts;
        _writes = writes;
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            _sqlitePath = storage.Value.SqliteDatabasePath;
            _reads = new SqliteReadSessions(_sqlitePath);
        }
    }

    /// <summary>
    /// Whether other nodes share the store (PostgreSQL), so that leases are rows; false on SQLite, whose one owning
    /// process needs none (claims read, releases and renewals do nothing, and saves do not check an owner).
    /// </summary>
    public bool IsShared => _sqlitePath is null;

    /// <summary>Opens the SQLite writer now (taking the file's owner lock); nothing on PostgreSQL.</summary>
    /// <exception cref="InvalidOperationException">Another process owns the SQLite file.</exception>
    public void TakeOwnership()
    {
        if (!IsShared)
        {
            _ = Writer();
        }
    }

    /// <summary>A write in the SQLite writer's transaction; on PostgreSQL the caller's statements in one command.</summary>
    public async Task<T> WriteAsync<T>(Func<StoreConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        if (IsShared)
        {
            return await OnConnectionAsync(write, cancellationToken);
        }

        try
        {
            return await Writer().WriteAsync(write, cancellationToken);
        }
        catch (Exception ex) when (_writes.NoteIfFault(ex))
        {
            throw; // Never reached: the filter only notes a storage fault, for readiness.
        }
    }

    /// <summary>
    /// Writes a little where the store keeps its data, to learn whether a storage fault is over: a file in the SQLite
    /// data folder (a full disk or a read-only folder refuses it), or a table of the PostgreSQL session.
    /// </summary>
    /// <exception cref="Exception">The storage still refuses the write.</exception>
    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        if (_sqlitePath is not null)
        {
            var probe = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_sqlitePath))!, ".write-probe");
            try
            {
                await File.WriteAllBytesAsync(probe, new byte[ProbeBytes], cancellationToken);
            }
            finally
            {
                File.Delete(probe);
            }
        }
        else
        {
            await OnConnectionAsync(async connection =>
            {
                await using var command = connection.Connection.CreateCommand();
                command.CommandText = "BEGIN; CREATE TEMP TABLE kw_write_probe ON COMMIT DROP AS SELECT repeat('x', 65536) AS data; COMMIT";
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }

        _writes.Recovered();
    }

    /// <summary>
    /// A read, or a PostgreSQL write of one command: a SQLite read session, or a pooled PostgreSQL connection opened
    /// through EF (so its connection set-up applies), without a transaction. A write of one command needs no
    /// transaction of its own on PostgreSQL, where the statements of one command run in an implicit transaction:
    /// leaving out BEGIN and COMMIT saves a round trip per write.
    /// </summary>
    public async Task<T> OnConnectionAsync<T>(Func<StoreConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_reads is not null)
        {
            return await _reads.RunAsync(session => work(new StoreConnection(session.Connection, null, session, Model())), cancellationToken);
        }

        try
        {
            await using var db = _contexts.CreateDbContext();
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await work(new StoreConnection(db.Database.GetDbConnection(), null, null, Model()));
        }
        catch (Exception ex) when (_writes.NoteIfFault(ex))
        {
            throw; // Never reached: the filter only notes a storage fault, for readiness.
        }
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
