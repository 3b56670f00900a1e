using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Persistence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitchenWorkflows.Persistence;

/// <summary>Registers the store and the durable runtime.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the EF Core store for the configured provider (<c>Storage:Provider</c>: Sqlite by default,
    /// PostgreSql with <c>ConnectionStrings:PostgreSql</c>), the durable runtime and the dispatch worker pool.
    /// </summary>
    public static IServiceCollection AddKitchenWorkflowsPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        storage.PostgreSqlConnectionString ??= configuration.GetConnectionString("PostgreSql");
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(o => o.PostgreSqlConnectionString ??= storage.PostgreSqlConnectionString)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Storage:Provider is PostgreSql but ConnectionStrings:PostgreSql is empty.")
            .ValidateOnStart();
        services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        if (storage.Provider == StorageProvider.PostgreSql)
        {
            services.AddPooledDbContextFactory<PostgreSqlWorkflowDbContext>(o => o.UseNpgsql(WithAutoPrepare(storage.PostgreSqlConnectionString!)));
            services.TryAddSingleton<IDbContextFactory<WorkflowDbContext>, WorkflowDbContextFactory<PostgreSqlWorkflowDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteWorkflowDbContext>(o => o
                .UseSqlite($"Data Source={storage.SqliteDatabasePath};Pooling=True")
                .AddInterceptors(new SqlitePragmas()));
            services.TryAddSingleton<IDbContextFactory<WorkflowDbContext>, WorkflowDbContextFactory<SqliteWorkflowDbContext>>();
        }

        services.TryAddSingleton<DatabaseInitializer>();
        services.TryAddSingleton<StorageWrites>();
        services.TryAddSingleton<StoreConnections>();
        services.TryAddSingleton(sp => new RuntimeStore(sp.GetRequiredService<StoreConnections>()));
        services.TryAddSingleton(sp => new RecoveryStore(sp.GetRequiredService<StoreConnections>()));
        services.TryAddSingleton(sp => new PublishedVersions(sp.GetRequiredService<StoreConnections>()));
        services.TryAddSingleton<CompiledWorkflowCache>();
        services.TryAddSingleton<PublishedTriggers>();
        services.TryAddSingleton<WorkflowDefinitionStore>();
        services.TryAddSingleton<InstanceQueries>();
        services.TryAddSingleton<FinishedInstanceDeletion>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<DispatchQueue>();
        services.TryAddSingleton<DurableWorkflowRuntime>();
        services.TryAddSingleton<IWorkflowBackgroundWork>(sp => sp.GetRequiredService<DurableWorkflowRuntime>());
        services.AddHostedService<DispatchWorkerPool>();
        return services;
    }

    // Every case runs the same few statements on pooled connections. Npgsql prepares a statement on the server after
    // its second use on a connection, so PostgreSQL parses and plans it once per connection instead of on every call;
    // and the store sets no session state, so a connection going back to the pool needs no reset statement. A
    // connection string that sets either keyword itself keeps its value.
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Sets(connectionString, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    // Whether the connection string names the keyword, however spaced or cased (Npgsql's own builder answers true
    // for every keyword it knows, set or not).
    private static bool Sets(string connectionString, string keyword) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
