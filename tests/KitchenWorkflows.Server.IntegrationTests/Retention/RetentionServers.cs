using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.Retention;

/// <summary>
/// A server whose ended instances are kept for two seconds, deleted two per batch without a pause, and whose
/// recurring job never fires on its own: the tests run the retention pass when they want it.
/// </summary>
public abstract class RetentionServer(StorageProvider provider) : ServerFixture(provider)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Retention:KeepEndedInstancesFor"] = Period.ToString(),
            ["Retention:BatchSize"] = "2",
            ["Retention:PauseBetweenBatches"] = "00:00:00",
            ["Retention:Cron"] = "0 0 31 2 *", // 31 February: never.
        },
    };
}

public sealed class RetentionSqliteServer() : RetentionServer(StorageProvider.Sqlite);

public sealed class RetentionPostgreSqlServer() : RetentionServer(StorageProvider.PostgreSql), IPostgreSqlFixture;
