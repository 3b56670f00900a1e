using System.Collections.Concurrent;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Open <see cref="SqliteSession"/>s for the runtime's reads, which in WAL mode run beside the writer. A read
/// takes an idle session or opens one, and gives it back; sessions beyond what concurrent reads need are closed.
/// </summary>
internal sealed class SqliteReadSessions(string databasePath) : IAsyncDisposable
{
    // Enough for every concurrent read of a busy node (opening a session costs far more than a read, so closing
    // and reopening them under load is the thing to avoid); each idle one holds a file handle and its page cache.
    private static readonly int MaxIdle = Math.Max(16, Environment.ProcessorCount * 8);

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public async Task<T> RunAsync<T>(Func<SqliteSession, Task<T>> read, CancellationToken cancellationToken)
    {
        // A read after the store closed (a late background task at shutdown) must not open the file again.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        var session = _idle.TryTake(out var idle) ? idle : await SqliteSession.OpenAsync(databasePath, cancellationToken);
        if (idle is not null)
        {
            Interlocked.Decrement(ref _idleCount);
        }

        try
        {
            var result = await read(session);
            await ReturnAsync(session);
            return result;
        }
        catch
        {
            // The session's state after a failed read is unknown (an open reader, a broken connection): close it.
            await session.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var session))
        {
            await session.DisposeAsync();
        }
    }

    private async ValueTask ReturnAsync(SqliteSession session)
    {
        if (!Volatile.Read(ref _disposed) && Interlocked.Increment(ref _idleCount) <= MaxIdle)
        {
            _idle.Add(session);
            return;
        }

        Interlocked.Decrement(ref _idleCount);
        await session.DisposeAsync();
    }
}
