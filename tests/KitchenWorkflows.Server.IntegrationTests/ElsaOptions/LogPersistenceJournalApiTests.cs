using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaOptions;

/// <summary>Elsa's log persistence modes through the API: the stored journal leaves out what the definition excludes.</summary>
public abstract class LogPersistenceJournalApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Journal_ElsaInputOutputLogging_KeepsTheMessagesOfTheIncludedTextsOnly()
    {
        var definition = JsonNode.Parse(LoadWorkflow("input-output-logging-1.json", "unused"))!.AsObject();
        var id = NewId("logging");
        definition["definitionId"] = id;
        definition.Remove("id");
        await SaveAsync(definition.ToJsonString());
        await PublishAsync(id);

        var instance = await ExecuteAsync(id);
        var journal = await GetJournalAsync((string)instance["workflowInstanceId"]!);

        var lines = journal.Where(e => (string?)e!["activityType"] == "Elsa.WriteLine").Select(e => (string?)e!["message"]).ToList();
        Assert.Equal(["This input should be stored", null, "This input should be stored", null], lines);
    }

    public sealed class Sqlite(SqliteServer server) : LogPersistenceJournalApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : LogPersistenceJournalApiTests(server), IClassFixture<PostgreSqlServer>;
}
