using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence;

/// <summary>Creates the data folder and applies the provider's migrations, so a first start needs no manual step.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<WorkflowDbContext> contexts, Microsoft.Extensions.Options.IOptions<StorageOptions> options)
{
    /// <summary>Migrates the store to the current schema.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.Value.SqliteDatabasePath)!);
        }

        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
