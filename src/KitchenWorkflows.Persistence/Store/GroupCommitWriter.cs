using System.Threading.Channels;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// SQLite's writes, one writer at a time and several per transaction (group commit). SQLite has one writer per
/// file: concurrent writers would meet in its busy handler, which sleeps and retries, and each commit appends
/// every page it touched to the WAL. Here the writes waiting at a moment share one transaction, each inside its
/// own savepoint so that one failing write (a duplicate idempotency key, say) is undone alone; every caller is
/// answered only after the commit, so nothing is acknowledged before it is durable. The writer holds the
/// <see cref="SqliteOwnerLock"/> while it lives.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    // Enough to amortise a commit across a burst, small enough that one transaction stays short.
    private const int MaxWritesPerCommit = 64;
    private const string Savepoint = "SAVEPOINT write";
    private const string Release = "RELEASE write";
    private const string Rollback = "ROLLBACK TO write";

    private readonly string _databasePath;
    private readonly StoreModel _model;
    private readonly SqliteOwnerLock _owner;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(string databasePath, StoreModel model, SqliteOwnerLock owner)
    {
        _databasePath = databasePath;
        _model = model;
        _owner = owner;
        _checkpointer = new SqliteCheckpointer(databasePath);
        _loop = Task.Run(WriteLoopAsync);
    }

    public async Task<T> WriteAsync<T>(Func<StoreConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        var write_ = new Write(async connection => await write(connection), cancellationToken);
        await _writes.Writer.WriteAsync(write_, cancellationToken);
        return (T)(await write_.Done.Task)!;
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _loop;
        await _checkpointer.DisposeAsync();
        _owner.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Write>(MaxWritesPerCommit);
        // The writer keeps its session open between batches: opening and resetting a pooled connection per
        // commit cost as much as a small commit, and its statements stay prepared. A failed commit drops it,
        // and the next batch opens a fresh one.
        SqliteSession? session = null;
        try
        {
            while (await _writes.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxWritesPerCommit && _writes.Reader.TryRead(out var write))
                {
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Done.TrySetCanceled(write.CancellationToken);
                    }
                    else
                    {
                        batch.Add(write);
                    }
                }

                try
                {
                    session ??= await OpenAsync();
                }
                catch (Exception ex)
                {
                    Fail(batch, ex);
                    batch.Clear();
                    continue;
                }

                if (!await CommitAsync(session, batch))
                {
                    await session.DisposeAsync();
                    session = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    // The session's commits never checkpoint: the checkpointer does, beside it.
    private async Task<SqliteSession> OpenAsync()
    {
        var session = await SqliteSession.OpenAsync(_databasePath, CancellationToken.None);
        await session.ExecuteAsync("PRAGMA wal_autocheckpoint=0", transaction: null);
        return session;
    }

    // Runs the batch in one transaction; false when the transaction failed as a whole.
    private async Task<bool> CommitAsync(SqliteSession session, List<Write> batch)
    {
        var results = new object?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            // Savepoints through the session (SqliteTransaction.Save compiles its statement on every call).
            await using var transaction = session.Connection.BeginTransaction();
            var connection = new StoreConnection(session.Connection, transaction, session, _model);
            for (var i = 0; i < batch.Count; i++)
            {
                await session.ExecuteAsync(Savepoint, transaction);
                try
                {
                    results[i] = await batch[i].Run(connection);
                    await session.ExecuteAsync(Release, transaction);
                }
                catch (Exception ex)
                {
                    await session.ExecuteAsync(Rollback, transaction);
                    await session.ExecuteAsync(Release, transaction);
                    failures[i] = ex;
                }
            }

            await transaction.CommitAsync();
            _checkpointer.NoteCommit();
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
            return false;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }

        return true;
    }

    // Nothing of the batch is committed: every write fails with the cause.
    private static void Fail(List<Write> batch, Exception cause)
    {
        foreach (var write in batch)
        {
            write.Done.TrySetException(cause);
        }
    }

    private sealed record Write(Func<StoreConnection, Task<object?>> Run, CancellationToken CancellationToken)
    {
        // Completed on the writer loop's thread: continuations run elsewhere so the loop moves on to the next batch.
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
