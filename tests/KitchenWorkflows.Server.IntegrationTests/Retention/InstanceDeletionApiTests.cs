using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Retention;

/// <summary><c>DELETE /api/workflow-instances</c>: one ended instance, or the ended instances a filter selects; audited and counted.</summary>
public abstract class InstanceDeletionApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task DeleteById_RunningIs409_EndedIs204WithAnAuditRow_ThenIs404()
    {
        var definitionId = await DeployAsync("wait-for-event.json", NewId("never"));
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;

        await AssertProblemAsync(await Client.DeleteAsync($"/api/workflow-instances/{id}"), HttpStatusCode.Conflict);
        await Client.PostAsync($"/api/workflow-instances/{id}/cancel", content: null);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/workflow-instances/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-instances/{id}")).StatusCode);
        await AssertProblemAsync(await Client.DeleteAsync($"/api/workflow-instances/{id}"), HttpStatusCode.NotFound);
        var audit = await Client.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=instance.delete&entityId={id}");
        Assert.Equal(1, (int)audit!["totalCount"]!);
    }

    [ProviderFact]
    public async Task DeleteById_AnEndedInstanceANodeHolds_Is409AndKeepsIt()
    {
        var definitionId = await DeployAsync("wait-for-event.json", NewId("never"));
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        await Client.PostAsync($"/api/workflow-instances/{id}/cancel", content: null);
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            // What a node's claim for a retry looks like: the deletion must leave the instance to it.
            await db.Instances.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LeaseOwner, "another-node")
                .SetProperty(i => i.LeaseUntil, DateTimeOffset.UtcNow.AddMinutes(5)));
        }

        await AssertProblemAsync(await Client.DeleteAsync($"/api/workflow-instances/{id}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/workflow-instances/{id}")).StatusCode);
    }

    [ProviderFact]
    public async Task DeleteByFilter_DeletesTheOldestEndedUpToMax_SaysWhetherMoreAreLeft_AndCountsThemInMetrics()
    {
        var definitionId = await DeployAsync("wait-for-event.json", NewId("never"));
        var ended = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
            await Client.PostAsync($"/api/workflow-instances/{id}/cancel", content: null);
            ended.Add(id);
        }

        var running = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        var before = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));

        var first = await DeleteMatchingAsync($"definitionId={definitionId}&subStatus=Cancelled&endedBefore={before}&max=2");
        var second = await DeleteMatchingAsync($"definitionId={definitionId}&endedBefore={before}&max=2");

        Assert.Equal((2, true), ((int)first["deleted"]!, (bool)first["more"]!));
        Assert.Equal((1, false), ((int)second["deleted"]!, (bool)second["more"]!));
        foreach (var id in ended)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-instances/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/workflow-instances/{running}")).StatusCode);
        var metrics = await Client.GetStringAsync("/metrics");
        Assert.Contains("kitchenworkflows_instances_deleted", metrics, StringComparison.Ordinal);
        Assert.Contains("reason=\"manual\"", metrics, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task DeleteByFilter_WithoutEndedBefore_OrForRunningInstances_OrAnOddMax_Is400ByField()
    {
        Assert.Equal(["endedBefore"], await AssertValidationProblemAsync(await Client.DeleteAsync("/api/workflow-instances?definitionId=x")));
        Assert.Equal(["subStatus"], await AssertValidationProblemAsync(await Client.DeleteAsync("/api/workflow-instances?endedBefore=2026-01-01&subStatus=Suspended")));
        Assert.Equal(["max"], await AssertValidationProblemAsync(await Client.DeleteAsync("/api/workflow-instances?endedBefore=2026-01-01&max=0")));
    }

    private async Task<JsonObject> DeleteMatchingAsync(string query)
    {
        var response = await Client.DeleteAsync($"/api/workflow-instances?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public sealed class Sqlite(SqliteServer server) : InstanceDeletionApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : InstanceDeletionApiTests(server), IClassFixture<PostgreSqlServer>;
}
