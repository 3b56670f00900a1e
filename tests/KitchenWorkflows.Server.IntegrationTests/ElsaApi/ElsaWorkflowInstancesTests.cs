using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaApi;

/// <summary>Elsa's execute and dispatch, and <c>/elsa/api/workflow-instances</c> with journals and activity executions.</summary>
public abstract class ElsaWorkflowInstancesTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Execute_AnswersTheWorkflowStateAndNamesTheInstanceInTheHeader()
    {
        var id = await DeployAsync("wait-for-event.json", eventName: NewId("ev"));

        var response = await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute", new { correlationId = "case-1", input = new { a = 1 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = (await ReadObjectAsync(response))["workflowState"]!;
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowState, state, "workflowState");
        Assert.Equal("Running", (string?)state["status"]);
        Assert.Equal("Suspended", (string?)state["subStatus"]);
        Assert.Equal((string?)state["id"], response.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        var bookmark = Assert.Single(state["bookmarks"]!.AsArray());
        ElsaContracts.AssertMeets(ElsaContracts.Bookmark, bookmark, "bookmark");
        Assert.Equal("flowchart:wait", (string?)bookmark!["activityNodeId"]);
    }

    [ProviderFact]
    public async Task Execute_LatestVersion_RunsTheDraft_Dispatch_Queues()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        await SaveAsync(LoadWorkflow("fail-then-succeed.json", id));

        var draftRun = await ReadObjectAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute", new { versionOptions = "Latest" }));
        var dispatched = await ReadObjectAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/dispatch", new { }));

        Assert.Equal(2, (int)draftRun["workflowState"]!["definitionVersion"]!);
        var instanceId = (string)dispatched["workflowInstanceId"]!;
        var done = await WaitForInstanceAsync(instanceId, i => HasSubStatus(i, "Finished"));
        Assert.Equal(1, (int)done["definitionVersion"]!);
    }

    [ProviderFact]
    public async Task ListGetJournalAndExecutions_AnswerElsasShapes()
    {
        var id = await DeployAsync("wait-for-event.json", eventName: NewId("ev"));
        var instanceId = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        var list = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/workflow-instances", new { definitionId = id, page = 0, pageSize = 10, orderBy = "Created", orderDirection = "Descending" }));
        var instance = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}"));
        var journal = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/journal?skip=0&take=50"));
        var executions = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/activity-executions/list?workflowInstanceId={instanceId}&activityNodeId=flowchart:before"));
        var report = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/activity-executions/report", new { workflowInstanceId = instanceId, activityNodeIds = new[] { "flowchart:start", "flowchart:wait", "flowchart:after" } }));
        var state = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state"));

        ElsaContracts.AssertMeets(ElsaContracts.PagedList, list, "instance list");
        var line = Assert.Single(list["items"]!.AsArray());
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowInstanceSummary, line, "instance summary");
        Assert.Equal("Wait for an event (v1)", (string?)line!["name"]);
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowInstance, instance, "instance");
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowState, instance["workflowState"], "instance state");
        ElsaContracts.AssertEachMeets(ElsaContracts.WorkflowExecutionLogRecord, journal["items"], "journal");
        Assert.Equal(
            ["flowchart:start Started", "flowchart:start Completed", "flowchart:before Started", "flowchart:before Completed", "flowchart:wait Started", "flowchart:wait Suspended"],
            journal["items"]!.AsArray().Select(r => $"{r!["nodeId"]} {r["eventName"]}"));
        var execution = Assert.Single(executions["items"]!.AsArray());
        ElsaContracts.AssertMeets(ElsaContracts.ActivityExecutionRecord, execution, "execution");
        Assert.Equal("Completed", (string?)execution!["status"]);
        var stats = report["stats"]!.AsArray();
        ElsaContracts.AssertEachMeets(ElsaContracts.ActivityExecutionStats, stats, "stats");
        Assert.Equal(["flowchart:start", "flowchart:wait"], stats.Select(s => (string)s!["activityNodeId"]!));
        Assert.True((bool)stats[1]!["isBlocked"]!);
        Assert.Equal("Suspended", (string?)state["subStatus"]);
        var byId = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/activity-executions/by-id?id={execution["id"]}"));
        Assert.True(JsonNode.DeepEquals(execution, byId));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/elsa/api/activity-executions/by-id?id={instanceId}:999")).StatusCode);
    }

    [ProviderFact]
    public async Task Variables_AreTheInstancesWithTheirValues()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var instanceId = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        var variables = await ReadObjectAsync(await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/variables"));

        ElsaContracts.AssertMeets(ElsaContracts.List, variables, "variables");
        var attempts = Assert.Single(variables["items"]!.AsArray())!;
        Assert.Equal("Attempts", (string?)attempts["name"]);
        Assert.NotNull(attempts["value"]);
    }

    [ProviderFact]
    public async Task List_SeveralStatuses_Is400_NotAHalfAppliedFilter()
    {
        var keys = await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/elsa/api/workflow-instances", new { statuses = new[] { "Running", "Finished" } }));

        Assert.Equal(["$.statuses"], keys);
    }

    [ProviderFact]
    public async Task CancelDeleteAndBulk_ActOnEachInstanceAsTheirStateAllows()
    {
        var id = await DeployAsync("wait-for-event.json", eventName: NewId("ev"));
        var first = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;
        var second = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;
        var third = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        Assert.Equal(HttpStatusCode.Conflict, (await Client.DeleteAsync($"/elsa/api/workflow-instances/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/elsa/api/cancel/workflow-instances/{first}", content: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/elsa/api/cancel/workflow-instances/{first}", content: null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/elsa/api/workflow-instances/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-instances/{first}")).StatusCode);

        var cancelled = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/bulk-actions/cancel/workflow-instances", new { ids = new[] { second, third, "it-no-such" } }));
        Assert.Equal(2, (int)cancelled["cancelled"]!);
        var deleted = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances/by-id", new { ids = new[] { second, third } }));
        Assert.Equal(2, (int)deleted["deleted"]!);
        Assert.Equal(0, await CountInstancesAsync(id));
    }

    public sealed class Sqlite(SqliteServer server) : ElsaWorkflowInstancesTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ElsaWorkflowInstancesTests(server), IClassFixture<PostgreSqlServer>;
}
