using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>A server whose anonymous endpoints are allowed (HttpEndpoints:AllowAnonymous), as Elsa's tests call them.</summary>
public abstract class OpenHttpWorkflowsServer(StorageProvider provider) : ServerFixture(provider)
{
    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        Settings = new Dictionary<string, string?>
        {
            ["HttpEndpoints:AllowAnonymous"] = "true",
            // The response-timeout test keeps a script busy for longer than its endpoint's limit.
            ["Scripts:MaxStatements"] = "1000000000",
            ["Scripts:TimeLimit"] = "00:00:10",
            ["Scripts:MemoryLimitBytes"] = "1000000000", // A busy loop allocates, the faster the machine the more.
        },
    };
}

public sealed class SqliteOpenHttpWorkflowsServer() : OpenHttpWorkflowsServer(StorageProvider.Sqlite);

public sealed class PostgreSqlOpenHttpWorkflowsServer() : OpenHttpWorkflowsServer(StorageProvider.PostgreSql), IPostgreSqlFixture;
