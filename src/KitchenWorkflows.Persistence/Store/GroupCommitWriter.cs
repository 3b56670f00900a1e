using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// SQLite's writes, one writer at a time and several per transaction (group commit). SQLite has one writer per
/// file: concurrent writers would meet in its busy handler, which sleeps and retries, and each commit appends
/// every page it touched to the WAL. Here the writes waiting at a moment share one transaction, each inside its
/// own savepoint so that one failing write (a duplicate idempotency key, say) is undone alone; every caller is
/// answered only after the commit, so nothing is acknowledged before it is durable.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    // Enough to amortise a commit across a burst, small enough that one transaction stays short.
    private const int MaxWritesPerCommit = 64;
    private const string Savepoint = "write";

    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly Func<WorkflowDbContext, StoreModel> _model;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(IDbContextFactory<WorkflowDbContext> contexts, Func<WorkflowDbContext, StoreModel> model)
    {
        _contexts = contexts;
        _model = model;
        _loop = Task.Run(WriteLoopAsync);
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, StoreModel, Task<T>> write, CancellationToken cancellationToken)
    {
        var write_ = new Write(async (connection, transaction, model) => await write(connection, transaction, model), cancellationToken);
        await _writes.Writer.WriteAsync(write_, cancellationToken);
        return (T)(await write_.Done.Task)!;
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Write>(MaxWritesPerCommit);
        // The writer keeps its connection open between batches: opening and resetting a pooled one per
        // commit cost as much as a small commit. A failed commit drops it, and the next batch opens a fresh one.
        WorkflowDbContext? db = null;
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
                    db ??= await OpenAsync();
                }
                catch (Exception ex)
                {
                    Fail(batch, ex);
                    batch.Clear();
                    continue;
                }

                if (!await CommitAsync(db, batch))
                {
                    await db.DisposeAsync();
                    db = null;
                }

                batch.Clear();
            }
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    private async Task<WorkflowDbContext> OpenAsync()
    {
        var db = _contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        return db;
    }

    // Runs the batch in one transaction; false when the transaction failed as a whole.
    private async Task<bool> CommitAsync(WorkflowDbContext db, List<Write> batch)
    {
        var results = new object?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            var connection = db.Database.GetDbConnection();
            var model = _model(db);
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                await transaction.SaveAsync(Savepoint);
                try
                {
                    results[i] = await batch[i].Run(connection, transaction, model);
                    await transaction.ReleaseAsync(Savepoint);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackAsync(Savepoint);
                    await transaction.ReleaseAsync(Savepoint);
                    failures[i] = ex;
                }
            }

            await transaction.CommitAsync();
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

    private sealed record Write(Func<DbConnection, DbTransaction, StoreModel, Task<object?>> Run, CancellationToken CancellationToken)
    {
        // Completed on the writer loop's thread: continuations run elsewhere so the loop moves on to the next batch.
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
