using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// What a key's scope allows: an API client only its definitions (start, read their instances, reach them with events); a
/// service centre only its own tasks (another centre's task answers 404 as if it did not exist; a body or query naming
/// another centre is refused with 403).
/// </summary>
public abstract class CallerScopeTests(ServerFixture server) : ApiTestBase(server)
{
    private const string Tasks = "/api/kitchen-lab/dismantle-tasks";

    [ProviderFact]
    public async Task ApiClient_OnlyItsDefinitions_StartsReadsAndReachesWithEvents()
    {
        var eventName = NewId("answer");
        var mine = await DeployAsync("wait-for-event.json", eventName);
        var theirs = await DeployAsync("wait-for-event.json", eventName);
        using var client = ClientWithKey(await CreateKeyAsync(new { name = "crm", role = "api-client", definitionIds = new[] { mine } }));
        var theirInstance = (string)(await ExecuteAsync(theirs, new { correlationId = "ticket-1" }))["workflowInstanceId"]!;

        var started = await client.PostAsJsonAsync($"/api/workflow-definitions/{mine}/execute", new { correlationId = "ticket-1" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var myInstance = (string)(await ReadObjectAsync(started))["workflowInstanceId"]!;
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/workflow-definitions/{theirs}/execute", new { }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/workflow-definitions/{theirs}/dispatch", new { }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.PostAsJsonAsync($"/api/workflow-definitions/{mine}/execute?version=1", new { }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workflow-instances/{myInstance}")).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/api/workflow-instances/{theirInstance}"), HttpStatusCode.NotFound);

        var sent = await client.PostAsJsonAsync($"/api/events/{eventName}", new { correlationId = "ticket-1" });

        Assert.Equal([myInstance], Ids((await ReadObjectAsync(sent))["workflowInstanceIds"]));
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(myInstance))["subStatus"]);
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(theirInstance))["subStatus"]);
    }

    [ProviderFact]
    public async Task ServiceCentre_CentreComesFromTheKey_OthersTasksAre404_NamingAnotherCentreIs403()
    {
        var centre = NewId("asc");
        var other = NewId("asc");
        using var mine = ClientWithKey(await CreateKeyAsync(new { name = centre, role = "service-centre", serviceCentreId = centre }));
        using var theirs = ClientWithKey(await CreateKeyAsync(new { name = other, role = "service-centre", serviceCentreId = other }));
        var writeOff = new
        {
            writeOffId = NewId("wo"),
            appliance = new { model = "HCX-6CS4", serialNumber = "SN-00042" },
            clientAddress = "Москва, ул. Тверская, 1",
            contractNumber = "KL-2024-117",
            reason = "Beyond repair",
        };

        var created = await mine.PostAsJsonAsync("/api/kitchen-lab/write-offs", writeOff);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await ReadObjectAsync(created);
        var taskId = (string)task["taskId"]!;
        Assert.Equal(centre, (string?)task["serviceCentreId"]);

        await AssertProblemAsync(await theirs.GetAsync($"{Tasks}/{taskId}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await theirs.PostAsJsonAsync($"{Tasks}/{taskId}/reject", new { reason = "mine now" }), HttpStatusCode.NotFound);
        Assert.Empty((await theirs.GetFromJsonAsync<JsonObject>(Tasks))!["items"]!.AsArray());
        await AssertProblemAsync(await theirs.GetAsync($"{Tasks}/{taskId}?serviceCentreId={centre}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await theirs.GetAsync($"{Tasks}?serviceCentreId={centre}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await theirs.PostAsJsonAsync($"{Tasks}/{taskId}/reject", new { serviceCentreId = centre, reason = "mine now" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await mine.PostAsJsonAsync("/api/kitchen-lab/write-offs", new { serviceCentreId = other }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await mine.GetAsync($"/api/workflow-instances?correlationId={taskId}"), HttpStatusCode.Forbidden);

        var own = await mine.GetFromJsonAsync<JsonObject>($"{Tasks}/{taskId}?serviceCentreId={centre}");
        Assert.Equal("assigned", (string?)own!["status"]);
    }

    public sealed class Sqlite(SqliteServer server) : CallerScopeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : CallerScopeTests(server), IClassFixture<PostgreSqlServer>;
}
