using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence;

/// <summary>Creates the data folder and applies the provider's migrations, so a first start needs no manual step.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<WorkflowDbContext> contexts, Microsoft.Extensions.Options.IOptions<StorageOptions> options)
{
    // Any fixed number: the key of the PostgreSQL advisory lock under which the nodes of a cluster start up.
    private const long StartupLockKey = 0x4B57_5354_5254; // "KWSTRT"

    /// <summary>
    /// Migrates the store to the current schema, then runs <paramref name="seed"/> (the import of the shipped
    /// definitions). On PostgreSQL both run under a cluster-wide lock: nodes started together
    /// (<c>ops/compose.yaml</c>) would otherwise apply the same migration at once, or import the same file as
    /// the same version at once, and all but one would stop at start-up ("relation already exists",
    /// a duplicate key). With the lock, one node does it while the others wait, then find nothing left to do.
    /// </summary>
    /// <param name="seed">Work that must see the migrated schema and must not run on two nodes at once.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    public async Task InitializeAsync(Func<CancellationToken, Task>? seed = null, CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.Value.SqliteDatabasePath)!);
        }

        await using var db = contexts.CreateDbContext();
        // A database that does not exist yet is created by the migration; a cluster's database is created by
        // ops before its nodes start, so a first start that creates it has no other node to wait for.
        var locked = options.Value.Provider == StorageProvider.PostgreSql && await db.Database.CanConnectAsync(cancellationToken);
        if (locked)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // Waits as long as the node holding the lock needs: its migration and import on a loaded machine can take
            // longer than a command's 30 s, and a node that stopped here would not start at all. The start-up's
            // cancellation still ends the wait.
            var commandTimeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0); // no limit
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
            db.Database.SetCommandTimeout(commandTimeout);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (seed is not null)
            {
                await seed(cancellationToken);
            }
        }
        finally
        {
            if (locked)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
            }
        }
    }
}
