namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// A loop without a wait runs to the execution cap and faults, and its whole journal is stored, once per step, on both
/// providers: the run commits its progress every hundred executions instead of writing ten thousand rows in one
/// statement (which bound every parameter once per row batch on SQLite, taking 50 s, and passed PostgreSQL's limit of
/// 65,535 parameters).
/// </summary>
public abstract class LongRunTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Execute_LoopWithoutAWait_FaultsAtTheCapWithEveryStepJournalledOnce()
    {
        var id = NewId("loop");
        await SaveAsync(FlowBuilder.LoopWithoutAWait(id).Json);
        await PublishAsync(id);

        var instance = await ExecuteAsync(id);

        Assert.Equal("Faulted", (string?)instance["subStatus"]);
        Assert.StartsWith("The run exceeded 10000 activity executions", (string?)instance["incidents"]![0]!["message"], StringComparison.Ordinal);
        var journal = await GetJournalAsync((string)instance["workflowInstanceId"]!);
        Assert.Equal(Enumerable.Range(1, 10_001), journal.Select(e => (int)e!["sequence"]!));
        Assert.Equal("Faulted", (string?)journal[^1]!["status"]);
    }

    public sealed class Sqlite(SqliteServer server) : LongRunTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : LongRunTests(server), IClassFixture<PostgreSqlServer>;
}
