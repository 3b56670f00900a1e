using System.Net;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Retention;

/// <summary>The retention pass: what it deletes (ended instances past their period, with every row of theirs) and what it keeps.</summary>
public abstract class RetentionTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Pass_DeletesEndedInstancesPastThePeriod_WithTheirJournalTagsAndBookmarks_KeepsRunningAndRecentOnes()
    {
        var definitionId = await DeployAsync("tagged.json", NewId("never"));
        var old = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            old.Add(await StartEndedAsync(definitionId, $"old-{i}"));
        }

        var running = await StartAsync(definitionId, "running");
        await Task.Delay(RetentionServer.Period + TimeSpan.FromSeconds(1));
        var recent = await StartEndedAsync(definitionId, "recent");

        var deleted = await RunPassAsync();

        Assert.True(deleted >= old.Count, $"The pass deleted {deleted} instances; {old.Count} were past the period.");
        foreach (var id in old)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-instances/{id}")).StatusCode);
        }

        Assert.Equal(0, await CountRowsAsync(old));
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(running))["subStatus"]);
        Assert.Equal("Cancelled", (string?)(await GetInstanceAsync(recent))["subStatus"]);
        Assert.True(await CountRowsAsync([running, recent]) > 0);
    }

    [ProviderFact]
    public async Task Pass_ADefinitionsOwnPeriod_KeepsItsInstancesLonger()
    {
        var shortLived = await DeployAsync("tagged.json", NewId("never"));
        var keptId = NewId("kept");
        var kept = JsonNode.Parse(LoadWorkflow("tagged.json", keptId, NewId("never")))!.AsObject();
        kept["options"] = new JsonObject { ["retentionPeriod"] = "30.00:00:00" };
        await SaveAsync(kept.ToJsonString());
        await PublishAsync(keptId);
        var goes = await StartEndedAsync(shortLived, "goes");
        var stays = await StartEndedAsync(keptId, "stays");
        await Task.Delay(RetentionServer.Period + TimeSpan.FromSeconds(1));

        await RunPassAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-instances/{goes}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/workflow-instances/{stays}")).StatusCode);
    }

    [ProviderFact]
    public async Task Save_AnUnusableRetentionPeriod_Is400AtItsPath()
    {
        foreach (JsonNode period in new JsonNode[] { "soon", "00:00:00", 30 })
        {
            var definition = JsonNode.Parse(LoadWorkflow("tagged.json", NewId("bad-period")))!.AsObject();
            definition["options"] = new JsonObject { ["retentionPeriod"] = period };

            var response = await Client.PostAsync("/api/workflow-definitions", Json(definition.ToJsonString()));

            Assert.Equal(["$.options.retentionPeriod"], await AssertValidationProblemAsync(response));
        }
    }

    private async Task<string> StartAsync(string definitionId, string colour) =>
        (string)(await ExecuteAsync(definitionId, new { input = new { colour, size = "s" } }))["workflowInstanceId"]!;

    // Started, tagged, journalled, then cancelled: an ended instance with rows in every table that hangs off it.
    private async Task<string> StartEndedAsync(string definitionId, string colour)
    {
        var id = await StartAsync(definitionId, colour);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/workflow-instances/{id}/cancel", content: null)).StatusCode);
        return id;
    }

    private Task<long> RunPassAsync() => Factory.Services.GetRequiredService<InstanceRetention>().RunAsync(CancellationToken.None);

    private async Task<int> CountRowsAsync(IReadOnlyCollection<string> instanceIds)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Instances.CountAsync(i => instanceIds.Contains(i.Id))
            + await db.Journal.CountAsync(j => instanceIds.Contains(j.InstanceId))
            + await db.InstanceTags.CountAsync(t => instanceIds.Contains(t.InstanceId))
            + await db.Bookmarks.CountAsync(b => instanceIds.Contains(b.InstanceId));
    }

    public sealed class Sqlite(RetentionSqliteServer server) : RetentionTests(server), IClassFixture<RetentionSqliteServer>;

    public sealed class PostgreSql(RetentionPostgreSqlServer server) : RetentionTests(server), IClassFixture<RetentionPostgreSqlServer>;
}
