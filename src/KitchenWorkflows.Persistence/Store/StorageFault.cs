using Microsoft.Data.Sqlite;
using Npgsql;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Tells a failure of the storage itself (a full disk, a read-only file or database, an I/O error) from any other
/// database error: the first is the operator's to fix and a client's to retry later, not a bug or a conflict.
/// </summary>
public static class StorageFault
{
    // SQLite's primary result codes (extended codes carry them in their low byte).
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteReadOnly = 8;
    private const int SqliteCannotOpen = 14;

    // On Unix an IOException's HResult is the errno: ENOSPC and EROFS.
    private const int DiskFull = 28;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>What is wrong with the storage, in a few words, if <paramref name="exception"/> (or one it wraps) says so; otherwise null.</summary>
    public static string? Describe(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            var cause = ex switch
            {
                SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
                {
                    SqliteFull => "the disk holding the SQLite database is full",
                    SqliteReadOnly => "the SQLite database is read-only",
                    SqliteIoError => "the SQLite database cannot be written (I/O error)",
                    SqliteCannotOpen => "the SQLite database cannot be opened",
                    _ => null,
                },
                PostgresException postgres => postgres.SqlState switch
                {
                    "53100" => "the PostgreSQL server's disk is full",
                    "53000" or "53200" => "the PostgreSQL server is out of resources",
                    "25006" => "the PostgreSQL database is read-only",
                    "58030" => "the PostgreSQL server cannot write (I/O error)",
                    _ => null,
                },
                IOException io when io.HResult is DiskFull or ReadOnlyFileSystem => "the data folder's disk is full or read-only",
                _ => null,
            };
            if (cause is not null)
            {
                return cause;
            }
        }

        return null;
    }
}
