using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Bulk;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Alterations;

/// <summary>
/// <c>/api/alterations</c>: a dry run says per instance what maps; a plan migrates, sets variables, schedules and cancels
/// root activities in the background, leaves an instance it cannot alter as it was, and writes every change to the
/// instance's journal and the audit log.
/// </summary>
public abstract class AlterationsApiTests(ServerFixture server) : ApiTestBase(server)
{
    private static readonly TimeSpan PlanDeadline = TimeSpan.FromSeconds(60);

    [ProviderFact]
    public async Task Migrate_ASuspendedInstanceWhoseBookmarkMaps_ResumesOnTheNewVersion()
    {
        var eventName = NewId("migrate");
        var definitionId = await DeployAsync("wait-for-event.json", eventName, label: "v1");
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        await SaveAsync(LoadWorkflow("wait-for-event.json", definitionId, eventName, label: "v2"));
        await PublishAsync(definitionId);
        var request = new { alterations = new object[] { new { type = "Migrate", targetVersion = 2 } }, instanceIds = new[] { id } };

        var dryRun = await PostAsync("/api/alterations/dry-run", request, HttpStatusCode.OK);
        var report = dryRun["instances"]![0]!;
        Assert.True((1, 1, true) == ((int)dryRun["total"]!, (int)dryRun["applicable"]!, (bool)report["applies"]!), dryRun.ToJsonString());
        var bookmark = report["steps"]![0]!["migration"]!["bookmarks"]![0]!;
        Assert.Equal(("wait", true), ((string?)bookmark["id"], (bool)bookmark["maps"]!));
        Assert.Equal(1, (int)(await GetInstanceAsync(id))["definitionVersion"]!);

        var done = await RunPlanAsync(request);

        Assert.True((1, 0, 0) == ((int)done["done"]!, (int)done["failed"]!, (int)done["skipped"]!), done.ToJsonString());
        Assert.Equal(("Suspended", 2), ((string?)(await GetInstanceAsync(id))["subStatus"], (int)(await GetInstanceAsync(id))["definitionVersion"]!));
        Assert.Equal(2, (int)(await ListInstancesAsync($"definitionId={definitionId}"))["items"]![0]!["definitionVersion"]!);
        var entry = Assert.Single(await GetJournalAsync(id), e => (string?)e!["activityType"] == "KitchenWorkflows.Alteration")!;
        Assert.Equal("Migrate", (string?)entry["activityName"]);
        Assert.Contains("from version 1 to 2", (string?)entry["message"], StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Contains((string)done["planId"]!, (string?)audit["details"], StringComparison.Ordinal);

        Assert.Equal([id], await PublishEventAsync(eventName));
        var finished = await GetInstanceAsync(id);
        Assert.Equal(("Finished", "v2"), ((string?)finished["subStatus"], (string?)finished["output"]!["label"]));
    }

    [ProviderFact]
    public async Task Migrate_AnInstanceWhoseBookmarkDoesNotMap_IsLeftAsItWas()
    {
        var eventName = NewId("unmapped");
        var definitionId = await DeployAsync("wait-for-event.json", eventName, label: "v1");
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        await SaveAsync(LoadWorkflow("wait-for-event.json", definitionId, eventName, label: "v2").Replace("\"wait\"", "\"wait-renamed\"", StringComparison.Ordinal));
        await PublishAsync(definitionId);
        var journalBefore = (await GetJournalAsync(id)).Count;
        var request = new { alterations = new object[] { new { type = "Migrate", targetVersion = 2 } }, filter = new { definitionId, subStatus = "Suspended" } };

        var report = (await PostAsync("/api/alterations/dry-run", request, HttpStatusCode.OK))["instances"]![0]!;
        Assert.False((bool)report["applies"]!);
        var bookmark = report["steps"]![0]!["migration"]!["bookmarks"]![0]!;
        Assert.Equal(("wait", false), ((string?)bookmark["id"], (bool)bookmark["maps"]!));
        Assert.Contains("has no activity 'wait'", (string?)bookmark["note"], StringComparison.Ordinal);

        var done = await RunPlanAsync(request);

        Assert.True((0, 1) == ((int)done["done"]!, (int)done["failed"]!), done.ToJsonString());
        Assert.Contains("do not map", (string?)done["problems"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(1, (int)(await GetInstanceAsync(id))["definitionVersion"]!);
        Assert.Equal(journalBefore, (await GetJournalAsync(id)).Count);
        Assert.Empty(await AuditAsync(id));
        Assert.Equal([id], await PublishEventAsync(eventName));
        Assert.Equal("v1", (string?)(await GetInstanceAsync(id))["output"]!["label"]);
    }

    [ProviderFact]
    public async Task ModifyVariable_SetsTheValue_VisibleInTheInstanceAndToItsRun_AndABadValueChangesNothing()
    {
        var eventName = NewId("variable");
        var definitionId = await DeployAsync("alterable.json", eventName);
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;

        var bad = await RunPlanAsync(new { alterations = new object[] { new { type = "ModifyVariable", variableId = "Count", value = "many" } }, instanceIds = new[] { id } });
        var done = await RunPlanAsync(new { alterations = new object[] { new { type = "ModifyVariable", variableId = "note-variable", value = "changed by hand" } }, instanceIds = new[] { id } });

        Assert.Equal(1, (int)bad["failed"]!);
        Assert.Equal(1, (int)done["done"]!);
        var instance = await GetInstanceAsync(id);
        Assert.Equal(("changed by hand", 0), ((string?)instance["variables"]!["Note"], (int)instance["variables"]!["Count"]!));
        var entry = Assert.Single(await GetJournalAsync(id), e => (string?)e!["activityType"] == "KitchenWorkflows.Alteration")!;
        Assert.Equal("ModifyVariable", (string?)entry["activityName"]);
        Assert.Equal(["instance.alter"], (await AuditAsync(id)).Select(a => (string)a["action"]!));
        await PublishEventAsync(eventName);
        Assert.Equal("changed by hand", (string?)(await GetInstanceAsync(id))["output"]!["note"]);
    }

    [ProviderFact]
    public async Task ScheduleAndCancelActivity_RunTheRootFlowchartOn_AndANestedActivityIsRefusedByName()
    {
        var eventName = NewId("schedule");
        var definitionId = await DeployAsync("alterable.json", eventName, label: "scheduled");
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;

        var nested = (await PostAsync("/api/alterations/dry-run", new { alterations = new object[] { new { type = "ScheduleActivity", activityId = "report-note" } }, instanceIds = new[] { id } }, HttpStatusCode.OK))["instances"]![0]!;
        Assert.False((bool)nested["applies"]!);
        Assert.Contains("nested frame", (string?)nested["steps"]![0]!["message"], StringComparison.Ordinal);

        var scheduled = await RunPlanAsync(new { alterations = new object[] { new { type = "ScheduleActivity", activityId = "report" } }, instanceIds = new[] { id } });
        Assert.Equal(1, (int)scheduled["done"]!);
        var afterSchedule = await GetInstanceAsync(id);
        Assert.Equal(("Suspended", "scheduled"), ((string?)afterSchedule["subStatus"], (string?)afterSchedule["output"]!["label"]));

        var cancelled = await RunPlanAsync(new { alterations = new object[] { new { type = "CancelActivity", activityId = "wait" } }, instanceIds = new[] { id } });
        Assert.Equal(1, (int)cancelled["done"]!);
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(id))["subStatus"]);
        Assert.Empty(await PublishEventAsync(eventName));
        var journal = await GetJournalAsync(id);
        Assert.Equal(["ScheduleActivity", "CancelActivity"], journal.Where(e => (string?)e!["activityType"] == "KitchenWorkflows.Alteration").Select(e => (string?)e!["activityName"]));
        Assert.Contains(journal, e => (string?)e!["activityId"] == "report-label");
        Assert.Equal(2, (await AuditAsync(id)).Count);
    }

    [ProviderFact]
    public async Task APlanWhoseNodeDied_IsTakenOver_AndAltersNoInstanceTwice()
    {
        var definitionId = await DeployAsync("alterable.json", NewId("takeover"));
        string[] ids = [(string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!, (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!];
        Alteration[] alterations = [new ScheduleActivityAlteration("report")];
        var plans = Factory.Services.GetRequiredService<BulkPlans>();
        var plan = await plans.CreateAsync(BulkOperation.Alter, new BulkSelection(ids, null, "test"), "test", CancellationToken.None, alterations);

        // A node took the plan, altered the first instance and died before it saved the outcome.
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            await db.BulkPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, BulkPlanStatus.Running)
                .SetProperty(p => p.Owner, "dead-node")
                .SetProperty(p => p.OwnedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await Factory.Services.GetRequiredService<DurableWorkflowRuntime>().AlterAsync(ids[0], alterations, "the dead node", lastUpdatedAt: null, CancellationToken.None);
        await plans.RunAsync(plan.Id, CancellationToken.None);

        var progress = (await plans.GetAsync(plan.Id, CancellationToken.None))!;
        Assert.Equal((BulkPlanStatus.Completed, 1, 1), (progress.Status, progress.Done, progress.Skipped));
        Assert.Equal(ids[0], Assert.Single(progress.Problems).InstanceId);
        foreach (var id in ids)
        {
            Assert.Single(await GetJournalAsync(id), e => (string?)e!["activityId"] == "report-label");
        }
    }

    [ProviderFact]
    public async Task BadRequests_Are400ByJsonPath_UnknownInstancesAndPlansAre404()
    {
        var definitionId = await DeployAsync("wait-for-event.json");
        var id = (string)(await ExecuteAsync(definitionId))["workflowInstanceId"]!;
        var ids = new[] { id };

        Assert.Equal(["alterations"], await PostInvalidAsync(new { instanceIds = ids }));
        Assert.Equal(["alterations[0].type"], await PostInvalidAsync(new { alterations = new object[] { new { type = "Explode" } }, instanceIds = ids }));
        Assert.Equal(["alterations[0].targetVersion"], await PostInvalidAsync(new { alterations = new object[] { new { type = "Migrate", targetVersion = "two" } }, instanceIds = ids }));
        Assert.Equal(["alterations[1].variableId"], await PostInvalidAsync(new { alterations = new object[] { new { type = "Migrate", targetVersion = 1 }, new { type = "ModifyVariable" } }, instanceIds = ids }));
        Assert.Equal(["alterations[0].activityInstanceId"], await PostInvalidAsync(new { alterations = new object[] { new { type = "CancelActivity", activityInstanceId = "x" } }, instanceIds = ids }));
        Assert.Equal(["alterations[0].targetVersion"], await PostInvalidAsync(new { alterations = new object[] { new { type = "Migrate", targetVersion = 7 } }, filter = new { definitionId } }));
        Assert.Equal(["filter"], await PostInvalidAsync(new { alterations = new object[] { new { type = "Migrate", targetVersion = 1 } }, filter = new { } }));
        Assert.Equal(["operation"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "alter", instanceIds = ids })));

        var unknown = new { alterations = new object[] { new { type = "Migrate", targetVersion = 1 } }, instanceIds = new[] { id, "it-no-such-instance" } };
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/alterations/dry-run", unknown), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostAsJsonAsync("/api/alterations", unknown), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync("/api/alterations/no-such-plan"), HttpStatusCode.NotFound);
        var bulk = await ReadObjectAsync(await Client.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", instanceIds = new[] { "it-none" } }));
        await AssertProblemAsync(await Client.GetAsync($"/api/alterations/{(string)bulk["planId"]!}"), HttpStatusCode.NotFound);
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(id))["subStatus"]);
    }

    private async Task<List<string>> PostInvalidAsync(object request)
    {
        var dryRun = await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/alterations/dry-run", request));
        Assert.Equal(dryRun, await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/alterations", request)));
        return dryRun;
    }

    private async Task<JsonObject> PostAsync(string path, object request, HttpStatusCode expected)
    {
        var response = await Client.PostAsJsonAsync(path, request);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadObjectAsync(response);
    }

    private async Task<JsonObject> RunPlanAsync(object request)
    {
        var submitted = await PostAsync("/api/alterations", request, HttpStatusCode.Accepted);
        var planId = (string)submitted["planId"]!;
        var deadline = DateTime.UtcNow + PlanDeadline;
        while (true)
        {
            var progress = (await Client.GetFromJsonAsync<JsonObject>($"/api/alterations/{planId}"))!;
            if ((string?)progress["status"] == "Completed")
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The plan did not complete in {PlanDeadline}: {progress.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private async Task<List<JsonObject>> AuditAsync(string instanceId)
    {
        var page = await Client.GetFromJsonAsync<JsonObject>($"/api/admin/audit?action=instance.alter&entityType=instance&entityId={instanceId}");
        return [.. page!["items"]!.AsArray().Select(r => r!.AsObject())];
    }

    public sealed class Sqlite(SqliteServer server) : AlterationsApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : AlterationsApiTests(server), IClassFixture<PostgreSqlServer>;
}
