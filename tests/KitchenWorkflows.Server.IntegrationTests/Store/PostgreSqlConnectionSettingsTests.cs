using KitchenWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Store;

/// <summary>
/// The store's PostgreSQL connections prepare repeated statements on the server and skip the reset on pool return,
/// unless the configured connection string sets those keywords itself (then its values stand).
/// </summary>
public sealed class PostgreSqlConnectionSettingsTests
{
    [Fact]
    public void ConnectionString_WithoutTheKeywords_GetsAutoPrepareAndNoReset()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(StoreConnectionString("Host=127.0.0.1;Database=kw"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void ConnectionString_ThatSetsTheKeywords_KeepsItsValues()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(StoreConnectionString("Host=127.0.0.1;Database=kw;max auto prepare=0;NoResetOnClose=false"));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    // The connection string the store's contexts use (nothing connects).
    private static string StoreConnectionString(string configured)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = configured,
        }).Build();
        using var services = new ServiceCollection().AddKitchenWorkflowsPersistence(configuration).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        return db.Database.GetConnectionString()!;
    }
}
