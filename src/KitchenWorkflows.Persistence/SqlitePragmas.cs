using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KitchenWorkflows.Persistence;

/// <summary>
/// Sets every SQLite connection up for a server: WAL (readers never block the writer), synchronous=NORMAL
/// (a commit survives a process crash; WAL makes it cheap), and a busy timeout instead of instant "database is locked".
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
