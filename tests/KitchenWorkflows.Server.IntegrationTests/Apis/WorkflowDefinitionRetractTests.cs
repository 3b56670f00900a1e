using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Apis;

/// <summary><c>POST /api/workflow-definitions/{id}/retract</c>: nothing published afterwards, nothing new starts; publishing again undoes it.</summary>
public abstract class WorkflowDefinitionRetractTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Retract_Published_NothingPublishedAndNothingStarts_PublishAgainRestores()
    {
        var id = await DeployAsync("wait-for-event.json");

        var response = await Client.PostAsync($"/api/workflow-definitions/{id}/retract", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)(await ReadObjectAsync(response))["isPublished"]!);
        var line = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!, d => (string?)d!["definitionId"] == id)!;
        Assert.Null((int?)line["publishedVersion"]);
        Assert.False((await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { })).IsSuccessStatusCode);

        await PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { })).StatusCode);
    }

    [ProviderFact]
    public async Task Retract_UnknownOrUnpublished_404And409Problems()
    {
        var draft = NewId("retract-draft");
        await SaveAsync(LoadWorkflow("wait-for-event.json", draft));

        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{NewId("retract-none")}/retract", content: null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{draft}/retract", content: null), HttpStatusCode.Conflict);
    }

    public sealed class Sqlite(SqliteServer server) : WorkflowDefinitionRetractTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : WorkflowDefinitionRetractTests(server), IClassFixture<PostgreSqlServer>;
}
