using System.Net;
using System.Net.Http.Json;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaOptions;

/// <summary>Elsa's activation strategies through the API: a start they refuse is a 409 problem, and the instance is not made.</summary>
public abstract class ActivationStrategyApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Execute_SingletonWhileOneRuns_Is409AndStartsNothing()
    {
        var eventName = NewId("go");
        var id = await DeployAsync("singleton-wait.json", eventName, label: "Singleton");
        var first = await ExecuteAsync(id);
        Assert.Equal("Suspended", (string?)first["subStatus"]);

        var refused = await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { });
        var dispatched = await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/dispatch", new { });

        var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("Singleton", (string?)problem["detail"], StringComparison.Ordinal);
        await AssertProblemAsync(dispatched, HttpStatusCode.Conflict);
        Assert.Equal(1, await CountInstancesAsync(id));

        await PublishEventAsync(eventName);
        await WaitForInstanceAsync((string)first["workflowInstanceId"]!, i => HasSubStatus(i, "Finished"));
        Assert.Equal("Suspended", (string?)(await ExecuteAsync(id))["subStatus"]);
    }

    [ProviderFact]
    public async Task Execute_CorrelatedSingleton_RefusesOnlyTheSameCorrelation()
    {
        var id = await DeployAsync("singleton-wait.json", NewId("never"), label: "CorrelatedSingleton");
        await ExecuteAsync(id, new { correlationId = "order-7" });

        var same = await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { correlationId = "order-7" });
        var other = await ExecuteAsync(id, new { correlationId = "order-8" });

        await AssertProblemAsync(same, HttpStatusCode.Conflict);
        Assert.Equal("Suspended", (string?)other["subStatus"]);
    }

    [ProviderFact]
    public async Task Save_UnknownActivationStrategy_Is400AtItsPath()
    {
        var json = LoadWorkflow("singleton-wait.json", NewId("bad"), label: "Sometimes");

        var response = await Client.PostAsync("/api/workflow-definitions", Json(json));

        Assert.Equal(["$.options.activationStrategyType"], await AssertValidationProblemAsync(response));
    }

    public sealed class Sqlite(SqliteServer server) : ActivationStrategyApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ActivationStrategyApiTests(server), IClassFixture<PostgreSqlServer>;
}
