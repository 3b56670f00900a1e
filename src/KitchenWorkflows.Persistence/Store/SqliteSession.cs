using Microsoft.Data.Sqlite;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// An open SQLite connection that keeps its statements prepared. Microsoft.Data.Sqlite compiles a command's SQL
/// again for every new command, and closing a connection (a pooled open included) finalizes every statement
/// prepared on it; for the runtime's small statements compiling cost more than running them. A session stays open
/// and keeps one command per SQL text, which it re-binds and runs again.
/// </summary>
internal sealed class SqliteSession : IAsyncDisposable
{
    // The hot path has a handful of texts per workflow shape (multi-row inserts vary with the row count); past
    // this many a text runs as a one-off command rather than growing the cache without bound.
    private const int MaxPrepared = 128;

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand>.AlternateLookup<ReadOnlySpan<char>> _preparedBySpan;

    private SqliteSession(SqliteConnection connection)
    {
        Connection = connection;
        _preparedBySpan = _prepared.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SqliteConnection Connection { get; }

    /// <summary>Opens a connection of its own (not pooled: a session is the pool's unit) with the server's pragmas.</summary>
    public static async Task<SqliteSession> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = SqlitePragmas.Statements;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            return new SqliteSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The session's command for the text being built, found without making a string of it when the builder holds
    /// it in one piece; null when the text is new and the cache is full. The command keeps its last parameters.
    /// </summary>
    public SqliteCommand? Prepared(System.Text.StringBuilder text)
    {
        ReadOnlyMemory<char> only = default;
        var chunks = 0;
        foreach (var chunk in text.GetChunks())
        {
            only = chunk;
            if (++chunks > 1)
            {
                break;
            }
        }

        if (chunks == 1 && _preparedBySpan.TryGetValue(only.Span, out var found))
        {
            return found;
        }

        return Prepared(text.ToString());
    }

    /// <summary>The session's command for <paramref name="text"/>; null when the text is new and the cache is full.</summary>
    public SqliteCommand? Prepared(string text)
    {
        if (_prepared.TryGetValue(text, out var command))
        {
            return command;
        }

        if (_prepared.Count >= MaxPrepared)
        {
            return null;
        }

        command = Connection.CreateCommand();
        command.CommandText = text;
        _prepared.Add(text, command);
        return command;
    }

    /// <summary>Runs a statement without parameters (a savepoint, a pragma), prepared like the others.</summary>
    public async Task ExecuteAsync(string statement, SqliteTransaction? transaction)
    {
        if (Prepared(statement) is { } command)
        {
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var once = Connection.CreateCommand();
        once.CommandText = statement;
        once.Transaction = transaction;
        await once.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }

        _prepared.Clear();
        await Connection.DisposeAsync();
    }
}
