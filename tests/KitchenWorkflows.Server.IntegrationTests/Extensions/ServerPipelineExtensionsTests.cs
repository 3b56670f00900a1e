using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Extensions;

/// <summary>What runs around the API: the OpenAPI document and page, the Hangfire dashboard, health.</summary>
public abstract class ServerPipelineExtensionsTests(ServerFixture server) : ApiTestBase(server)
{
    /// <summary>Every path of the contract (docs/api.md) but the Kitchen Lab ones, as OpenAPI templates.</summary>
    public static readonly string[] ContractPaths =
    [
        "/api/workflow-definitions",
        "/api/workflow-definitions/{definitionId}",
        "/api/workflow-definitions/{definitionId}/publish",
        "/api/workflow-definitions/{definitionId}/retract",
        "/api/workflow-definitions/{definitionId}/execute",
        "/api/workflow-definitions/{definitionId}/dispatch",
        "/api/workflow-definitions/{definitionId}/test-run",
        "/api/workflow-definitions/{definitionId}/test-cases/run",
        "/api/workflow-instances",
        "/api/workflow-instances/{id}",
        "/api/workflow-instances/{id}/journal",
        "/api/workflow-instances/{id}/cancel",
        "/api/workflow-instances/{id}/retry",
        "/api/events/{eventName}",
        "/api/alterations/dry-run",
        "/api/alterations",
        "/api/alterations/{planId}",
    ];

    [ProviderFact]
    public async Task OpenApi_Document_ListsEveryApiPathWithItsVerbs()
    {
        var document = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject();
        var verbs = paths.ToDictionary(p => p.Key, p => p.Value!.AsObject().Select(v => v.Key).ToHashSet());
        Assert.All(ContractPaths, p => Assert.Contains(p, verbs.Keys));
        Assert.Equal(["get", "post"], verbs["/api/workflow-definitions"].Order());
        Assert.Equal(["get"], verbs["/api/workflow-definitions/{definitionId}"]);
        Assert.Equal(["delete", "get"], verbs["/api/workflow-instances"].Order());
        Assert.Equal(["delete", "get"], verbs["/api/workflow-instances/{id}"].Order());
        Assert.Equal(["post"], verbs["/api/alterations/dry-run"]);
        Assert.Equal(["post"], verbs["/api/alterations"]);
        Assert.Equal(["get"], verbs["/api/alterations/{planId}"]);
        foreach (var post in ContractPaths.Where(p => p.EndsWith("publish", StringComparison.Ordinal) || p.EndsWith("retract", StringComparison.Ordinal) || p.EndsWith("execute", StringComparison.Ordinal)
            || p.EndsWith("dispatch", StringComparison.Ordinal) || p.Contains("/test-", StringComparison.Ordinal) || p.EndsWith("cancel", StringComparison.Ordinal) || p.EndsWith("retry", StringComparison.Ordinal) || p.StartsWith("/api/events", StringComparison.Ordinal)))
        {
            Assert.Equal(["post"], verbs[post]);
        }
    }

    [ProviderFact]
    public async Task Scalar_Page_Returns200()
    {
        var response = await Client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [ProviderFact]
    public async Task Hangfire_Dashboard_Returns200()
    {
        var response = await Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("KitchenWorkflows jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Health_LiveAndReady_Return200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    [ProviderFact]
    public async Task UnknownApiPath_Returns404Problem()
    {
        await AssertProblemAsync(await Client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    public sealed class Sqlite(SqliteServer server) : ServerPipelineExtensionsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ServerPipelineExtensionsTests(server), IClassFixture<PostgreSqlServer>;
}
