namespace KitchenWorkflows.Server.IntegrationTests.Scheduling;

/// <summary>
/// Several servers in one process (as in this test run, where each class has its own): Hangfire logs through a
/// process-wide provider that the last server to start sets to its own logger factory. When that server is disposed
/// while others run, the others' Hangfire must keep working: on PostgreSQL every fetched job creates a logger, and a
/// throwing one left the job fetched but never run (invisible for 30 minutes), so a delay never resumed.
/// </summary>
[Collection(ServersInOneProcessCollection.Name)]
public abstract class ServersInOneProcessTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Delay_AfterAServerStartedLaterWasDisposed_IsStillResumedByHangfire()
    {
        var definitionId = await DeployAsync("delay.json");
        // A delay before, as the earlier tests of a class do: Hangfire has read and cached its job filters by then.
        await RunDelayAsync(definitionId);
        using (var later = new ServerFactory())
        {
            later.CreateClient().Dispose();
        }

        var done = await RunDelayAsync(definitionId);

        Assert.Equal("yes", (string?)done["output"]!["woke"]);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> RunDelayAsync(string definitionId)
    {
        var suspended = await ExecuteAsync(definitionId);
        Assert.Equal("Suspended", (string?)suspended["subStatus"]);
        // Well before the recovery sweep's grace (30 s past due) could stand in for the Hangfire job.
        return await WaitForInstanceAsync((string)suspended["workflowInstanceId"]!, i => HasSubStatus(i, "Finished"), TimeSpan.FromSeconds(25));
    }

    public sealed class Sqlite(SqliteServer server) : ServersInOneProcessTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ServersInOneProcessTests(server), IClassFixture<PostgreSqlServer>;
}

/// <summary>
/// Runs alone, after the parallel classes: a server that another class started meanwhile would become the process-wide
/// Hangfire log provider again and hide the case under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServersInOneProcessCollection
{
    public const string Name = "Servers in one process";
}
