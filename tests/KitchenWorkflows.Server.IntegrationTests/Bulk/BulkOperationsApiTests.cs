using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Bulk;

/// <summary>
/// <c>/api/bulk-operations</c>: a plan fixes its instances when submitted, runs in the background with readable
/// progress, and acts on each instance once, as it was planned against, across a node's death.
/// </summary>
public abstract class BulkOperationsApiTests(ServerFixture server) : ApiTestBase(server)
{
    private static readonly TimeSpan PlanDeadline = TimeSpan.FromSeconds(60);

    [ProviderFact]
    public async Task RetryByFilter_RetriesEveryFaultedInstance_AndReportsProgressToTheEnd()
    {
        var definitionId = await DeployAsync("fail-then-succeed.json");
        var ids = await StartFaultedAsync(definitionId, count: 5, failures: 1);

        var submitted = await SubmitAsync(new { operation = "retry", filter = new { definitionId, subStatus = "Faulted" } });
        var done = await WaitForCompletionAsync((string)submitted["planId"]!);

        Assert.Equal(5, (int)submitted["total"]!);
        Assert.True((5, 0, 0, 0) == ((int)done["done"]!, (int)done["skipped"]!, (int)done["failed"]!, (int)done["pending"]!), done.ToJsonString());
        foreach (var id in ids)
        {
            var instance = await GetInstanceAsync(id);
            Assert.Equal("Finished", (string?)instance["subStatus"]);
            Assert.Equal(2, (int)instance["output"]!["succeededOnAttempt"]!);
        }

        var nothingLeft = await SubmitAsync(new { operation = "retry", filter = new { definitionId, subStatus = "Faulted" } });
        Assert.Equal((0, "Completed"), ((int)nothingLeft["total"]!, (string?)nothingLeft["status"]));
    }

    [ProviderFact]
    public async Task APlanWhoseNodeDied_IsTakenOver_AndNeverRetriesAnInstanceTwice()
    {
        var definitionId = await DeployAsync("fail-then-succeed.json");
        var ids = await StartFaultedAsync(definitionId, count: 5, failures: 2);
        var plans = Factory.Services.GetRequiredService<BulkPlans>();
        var plan = await plans.CreateAsync(BulkOperation.Retry, new BulkSelection(ids, null, "test"), "test", CancellationToken.None);

        // A node took the plan, retried two instances and died before it saved their outcomes.
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            await db.BulkPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, BulkPlanStatus.Running)
                .SetProperty(p => p.Owner, "dead-node")
                .SetProperty(p => p.OwnedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        foreach (var id in ids.Take(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/workflow-instances/{id}/retry", content: null)).StatusCode);
        }

        await plans.RunAsync(plan.Id, CancellationToken.None);

        var progress = (await plans.GetAsync(plan.Id, CancellationToken.None))!;
        Assert.Equal((BulkPlanStatus.Completed, 3, 2), (progress.Status, progress.Done, progress.Skipped));
        Assert.Equal(ids.Take(2).Order(StringComparer.Ordinal), progress.Problems.Select(p => p.InstanceId));
        foreach (var id in ids)
        {
            // Two failures planned: one retry each leaves attempt 2, faulted again; a second retry would have finished it.
            var instance = await GetInstanceAsync(id);
            Assert.Equal(("Faulted", 2), ((string?)instance["subStatus"], (int)instance["variables"]!["Attempts"]!));
        }
    }

    [ProviderFact]
    public async Task APlanHeldByALiveNode_IsLeftToIt()
    {
        var definitionId = await DeployAsync("fail-then-succeed.json");
        var ids = await StartFaultedAsync(definitionId, count: 1, failures: 1);
        var plans = Factory.Services.GetRequiredService<BulkPlans>();
        var plan = await plans.CreateAsync(BulkOperation.Retry, new BulkSelection(ids, null, "test"), "test", CancellationToken.None);
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            await db.BulkPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Owner, "live-node")
                .SetProperty(p => p.OwnedUntil, DateTimeOffset.UtcNow.AddMinutes(5)));
        }

        await plans.RunAsync(plan.Id, CancellationToken.None);

        Assert.Equal(1, (await plans.GetAsync(plan.Id, CancellationToken.None))!.Pending);
        Assert.Equal("Faulted", (string?)(await GetInstanceAsync(ids[0]))["subStatus"]);
    }

    [ProviderFact]
    public async Task CancelByIds_SkipsEndedAndUnknownInstances_AndSaysWhy()
    {
        var definitionId = await DeployAsync("wait-for-event.json", NewId("never"));
        var waiting = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        var ended = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        await Client.PostAsync($"/api/workflow-instances/{ended}/cancel", content: null);

        var submitted = await SubmitAsync(new { operation = "cancel", instanceIds = new[] { waiting, ended, "it-no-such-instance" } });
        var done = await WaitForCompletionAsync((string)submitted["planId"]!);

        Assert.Equal(2, (int)submitted["total"]!);
        Assert.Equal((1, 1), ((int)done["done"]!, (int)done["skipped"]!));
        Assert.Equal(ended, (string?)done["problems"]![0]!["instanceId"]);
        Assert.Equal("Cancelled", (string?)(await GetInstanceAsync(waiting))["subStatus"]);
    }

    [ProviderFact]
    public async Task Submit_BadRequests_Are400ByField_DeleteIsForAdmins_AndAnUnknownPlanIs404()
    {
        Assert.Equal(["operation"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "explode", instanceIds = new[] { "a" } })));
        Assert.Equal(["instanceIds"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel" })));
        Assert.Equal(["instanceIds"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", instanceIds = new[] { "a" }, filter = new { definitionId = "x" } })));
        Assert.Equal(["filter"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", filter = new { } })));
        Assert.Equal(["filter.subStatus"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", filter = new { subStatus = "Sleeping" } })));

        var operatorKey = await CreateKeyAsync(new { name = "bulk-operator", role = "operator" });
        var asOperator = ClientWithKey(operatorKey);
        await AssertProblemAsync(await asOperator.PostAsJsonAsync("/api/bulk-operations", new { operation = "delete", instanceIds = new[] { "a" } }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, (await asOperator.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", instanceIds = new[] { "it-none" } })).StatusCode);
        await AssertProblemAsync(await Client.GetAsync("/api/bulk-operations/no-such-plan"), HttpStatusCode.NotFound);
    }

    private async Task<List<string>> StartFaultedAsync(string definitionId, int count, int failures)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var started = await ExecuteAsync(definitionId, new { input = new { failures } });
            Assert.Equal("Faulted", (string?)started["subStatus"]);
            ids.Add((string)started["workflowInstanceId"]!);
        }

        return ids;
    }

    private async Task<JsonObject> SubmitAsync(object request)
    {
        var response = await Client.PostAsJsonAsync("/api/bulk-operations", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.Location);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> WaitForCompletionAsync(string planId)
    {
        var deadline = DateTime.UtcNow + PlanDeadline;
        while (true)
        {
            var progress = (await Client.GetFromJsonAsync<JsonObject>($"/api/bulk-operations/{planId}"))!;
            if ((string?)progress["status"] == "Completed")
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The plan did not complete in {PlanDeadline}: {progress.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public sealed class Sqlite(SqliteServer server) : BulkOperationsApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BulkOperationsApiTests(server), IClassFixture<PostgreSqlServer>;
}
