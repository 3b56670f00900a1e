using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KitchenWorkflows.Persistence;

/// <summary>
/// Sets every SQLite connection up for a server: WAL (readers never block the writer), synchronous=NORMAL
/// (a commit survives a process crash; WAL makes it cheap), a busy timeout instead of instant "database is locked",
/// and temporary data in memory (a statement inside a savepoint otherwise creates a temporary file per statement).
/// </summary>
/// <remarks>
/// EF opens and closes its connection around every operation, and a pooled open hands back the same native
/// connection, whose settings persist: the pragmas run once per native connection, not on every open
/// (running them each time cost four extra statements per query).
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The pragmas, for connections opened outside EF (the runtime store's sessions).</summary>
    internal const string Statements = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Statements;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Statements;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
