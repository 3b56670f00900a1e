namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Copies the WAL back into the database file from a connection of its own, a few times a second while there are
/// new commits. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages, so the group-commit
/// writer (whose session turns it off) would stall every waiting caller for the copy and its fsync; here the copy runs
/// beside the writer, and a page rewritten many times between checkpoints is copied once.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _databasePath;
    private readonly PeriodicTimer _timer = new(Interval);
    private readonly Task _loop;
    private int _commits;

    public SqliteCheckpointer(string databasePath)
    {
        _databasePath = databasePath;
        _loop = Task.Run(CheckpointLoopAsync);
    }

    public void NoteCommit() => Interlocked.Increment(ref _commits);

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop;
    }

    private async Task CheckpointLoopAsync()
    {
        SqliteSession? session = null;
        try
        {
            while (await _timer.WaitForNextTickAsync())
            {
                if (Interlocked.Exchange(ref _commits, 0) == 0)
                {
                    continue;
                }

                try
                {
                    session ??= await SqliteSession.OpenAsync(_databasePath, CancellationToken.None);
                    // PASSIVE never waits for the writer or readers: it copies what it can, and the next tick the rest.
                    await session.ExecuteAsync("PRAGMA wal_checkpoint(PASSIVE)", transaction: null);
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // A failed checkpoint loses nothing (the pages stay in the WAL); retry with a fresh connection.
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }

                    NoteCommit();
                }
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
}
