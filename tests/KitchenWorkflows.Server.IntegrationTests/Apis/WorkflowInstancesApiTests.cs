using System.Net;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Apis;

/// <summary><c>/api/workflow-instances</c>: list and filters, summary, journal, cancel, retry, and the Hangfire-driven delay.</summary>
public abstract class WorkflowInstancesApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task List_Filters_SelectByDefinitionStatusSubStatusAndCorrelation()
    {
        var id = await DeployAsync("wait-for-event.json", NewId("never"));
        var a = (string)(await ExecuteAsync(id, new { correlationId = "a" }))["workflowInstanceId"]!;
        var b = (string)(await ExecuteAsync(id, new { correlationId = "b" }))["workflowInstanceId"]!;
        var c = (string)(await ExecuteAsync(id, new { correlationId = "c" }))["workflowInstanceId"]!;
        await Client.PostAsync($"/api/workflow-instances/{b}/cancel", content: null);

        Assert.Equal([c, b, a], await ListIdsAsync($"definitionId={id}"));
        Assert.Equal([b], await ListIdsAsync($"definitionId={id}&status=Finished"));
        Assert.Equal([c, a], await ListIdsAsync($"definitionId={id}&status=running"));
        Assert.Equal([c, a], await ListIdsAsync($"definitionId={id}&subStatus=Suspended"));
        Assert.Equal([b], await ListIdsAsync($"definitionId={id}&subStatus=Cancelled"));
        Assert.Equal([a], await ListIdsAsync($"definitionId={id}&correlationId=a"));
        Assert.Empty(await ListIdsAsync($"definitionId={id}&correlationId=a&subStatus=Cancelled"));
        var line = (await ListInstancesAsync($"definitionId={id}&correlationId=a"))["items"]![0]!;
        Assert.Equal(("Running", "Suspended", 1), ((string)line["status"]!, (string)line["subStatus"]!, (int)line["definitionVersion"]!));
    }

    [ProviderFact]
    public async Task List_TagFilter_SelectsInstancesCarryingEveryTagAsLastSaved()
    {
        var eventName = NewId("repaint");
        var id = await DeployAsync("tagged.json", eventName);
        var red = (string)(await ExecuteAsync(id, new { input = new { colour = "red", size = "s" }, correlationId = "red" }))["workflowInstanceId"]!;
        var redLarge = (string)(await ExecuteAsync(id, new { input = new { colour = "red", size = "l" } }))["workflowInstanceId"]!;
        var blue = (string)(await ExecuteAsync(id, new { input = new { colour = "blue", size = "s" } }))["workflowInstanceId"]!;

        Assert.Equal([redLarge, red], await ListIdsAsync($"definitionId={id}&tag=colour:red"));
        Assert.Equal([red], await ListIdsAsync($"definitionId={id}&tag=colour:red&tag=size:s"));
        Assert.Equal([blue, red], await ListIdsAsync($"definitionId={id}&tag=size:s"));
        Assert.Empty(await ListIdsAsync($"definitionId={id}&tag=colour:green"));
        var summary = await GetInstanceAsync(red);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["colour"] = "red", ["size"] = "s" }, summary["tags"]), summary["tags"]?.ToJsonString());

        // Tags are replaced with every save: the resumed instance is found by its new colour only.
        await PublishEventAsync(eventName, new { correlationId = "red", payload = new { colour = "green" } });
        Assert.Equal([red], await ListIdsAsync($"definitionId={id}&tag=colour:green"));
        Assert.Equal([redLarge], await ListIdsAsync($"definitionId={id}&tag=colour:red"));
    }

    [ProviderFact]
    public async Task List_TagWithoutNameAndValue_Returns400ByField()
    {
        Assert.Equal(["tag"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?tag=colour")));
        Assert.Equal(["tag"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?tag=:red")));
    }

    [ProviderFact]
    public async Task List_Paging_SplitsNewestFirstWithTheTotal()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var started = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            started.Add((string)(await ExecuteAsync(id))["workflowInstanceId"]!);
        }

        var first = await ListInstancesAsync($"definitionId={id}&pageSize=2");
        var second = await ListInstancesAsync($"definitionId={id}&pageSize=2&page=2");

        Assert.Equal((3, 1, 2), ((int)first["totalCount"]!, (int)first["page"]!, (int)first["pageSize"]!));
        Assert.Equal([started[2], started[1]], first["items"]!.AsArray().Select(i => (string)i!["workflowInstanceId"]!));
        Assert.Equal((3, 2), ((int)second["totalCount"]!, (int)second["page"]!));
        Assert.Equal([started[0]], second["items"]!.AsArray().Select(i => (string)i!["workflowInstanceId"]!));
    }

    [ProviderFact]
    public async Task List_PageFarPastTheEnd_IsEmptyNotTheFirstPage()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        await ExecuteAsync(id);

        // (page - 1) × pageSize is beyond int: in 32 bits it wrapped to a negative offset and answered page 1.
        var far = await ListInstancesAsync($"definitionId={id}&page=2147483647&pageSize=500");

        Assert.Equal((1, int.MaxValue, 500), ((int)far["totalCount"]!, (int)far["page"]!, (int)far["pageSize"]!));
        Assert.Empty(far["items"]!.AsArray());
    }

    [ProviderFact]
    public async Task List_BadStatusOrPaging_Returns400ByField()
    {
        Assert.Equal(["status"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?status=Sleeping")));
        Assert.Equal(["subStatus"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?subStatus=Dozing")));
        Assert.Equal(["page"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?page=0")));
        Assert.Equal(["pageSize"], await AssertValidationProblemAsync(await Client.GetAsync("/api/workflow-instances?pageSize=501")));
        await AssertProblemAsync(await Client.GetAsync("/api/workflow-instances?page=first"), HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task Get_UnknownInstance_Returns404()
    {
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-instances/{NewId("nothing")}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-instances/{NewId("nothing")}/journal"), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Get_Instance_MatchesWhatExecuteReturned()
    {
        var eventName = NewId("wait");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var executed = await ExecuteAsync(id, new { input = new { order = 7 }, correlationId = "same" });

        var read = await GetInstanceAsync((string)executed["workflowInstanceId"]!);

        foreach (var field in new[] { "workflowInstanceId", "definitionId", "definitionVersion", "status", "subStatus", "correlationId", "input", "output", "variables", "bookmarks", "incidents" })
        {
            Assert.True(JsonNode.DeepEquals(executed[field], read[field]), $"{field}: {executed[field]?.ToJsonString()} vs {read[field]?.ToJsonString()}");
        }
    }

    [ProviderFact]
    public async Task Journal_ResumedInstance_ListsTheActivitiesInOrder()
    {
        var eventName = NewId("step");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var instanceId = (string)(await ExecuteAsync(id, new { correlationId = "j" }))["workflowInstanceId"]!;
        await PublishEventAsync(eventName, new { correlationId = "j", payload = new { ok = true } });

        var journal = await GetJournalAsync(instanceId);

        Assert.Equal(["start", "before", "wait", "wait", "after"], journal.Select(e => (string)e!["activityId"]!));
        Assert.Equal(["Elsa.Start", "Elsa.SetOutput", "Elsa.Event", "Elsa.Event", "Elsa.SetOutput"], journal.Select(e => (string)e!["activityType"]!));
        Assert.Equal(["Completed", "Completed", "Suspended", "Completed", "Completed"], journal.Select(e => (string)e!["status"]!));
        var sequences = journal.Select(e => (long)e!["sequence"]!).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var starts = journal.Select(e => (DateTimeOffset)e!["startedAt"]!).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.All(journal, e => Assert.True((DateTimeOffset)e!["completedAt"]! >= (DateTimeOffset)e["startedAt"]!));
        Assert.Equal(["Done"], journal[^1]!["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.All(journal, e => Assert.Null((string?)e!["error"]));
    }

    [ProviderFact]
    public async Task Cancel_SuspendedInstance_Returns200CancelledThenAgainIs409()
    {
        var eventName = NewId("cancel");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var instanceId = (string)(await ExecuteAsync(id, new { correlationId = "x" }))["workflowInstanceId"]!;

        var response = await Client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await ReadObjectAsync(response);
        Assert.Equal(("Finished", "Cancelled"), ((string)cancelled["status"]!, (string)cancelled["subStatus"]!));
        Assert.Empty(cancelled["bookmarks"]!.AsArray());
        Assert.Empty(await PublishEventAsync(eventName, new { correlationId = "x" }));
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", content: null), HttpStatusCode.Conflict);
    }

    [ProviderFact]
    public async Task Cancel_FinishedOrUnknownInstance_Returns409Or404()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var finished = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-instances/{finished}/cancel", content: null), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-instances/{NewId("nothing")}/cancel", content: null), HttpStatusCode.NotFound);
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(finished))["subStatus"]);
    }

    [ProviderFact]
    public async Task Retry_FaultedInstance_ResumesFromTheFaultedActivityAndFinishes()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var faulted = await ExecuteAsync(id, new { input = new { failures = 1 } });
        var instanceId = (string)faulted["workflowInstanceId"]!;
        Assert.Equal(("Finished", "Faulted"), ((string)faulted["status"]!, (string)faulted["subStatus"]!));
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Equal(("flaky", "Elsa.RunJavaScript"), ((string)incident["activityId"]!, (string)incident["activityType"]!));
        Assert.Contains("attempt 1 failed", (string)incident["message"]!, StringComparison.Ordinal);

        var response = await Client.PostAsync($"/api/workflow-instances/{instanceId}/retry", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var retried = await ReadObjectAsync(response);
        Assert.Equal(("Finished", "Finished"), ((string)retried["status"]!, (string)retried["subStatus"]!));
        Assert.Equal(2, (int)retried["output"]!["succeededOnAttempt"]!);
        Assert.True((bool)Assert.Single(retried["incidents"]!.AsArray())!["resolved"]!);
        var journal = await GetJournalAsync(instanceId);
        Assert.Equal(["start", "flaky", "flaky", "report"], journal.Select(e => (string)e!["activityId"]!));
        Assert.Equal(["Completed", "Faulted", "Completed", "Completed"], journal.Select(e => (string)e!["status"]!));
        Assert.Contains("attempt 1 failed", (string)journal[1]!["error"]!, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Retry_StillFailing_FaultsAgainWithASecondIncident()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var instanceId = (string)(await ExecuteAsync(id, new { input = new { failures = 5 } }))["workflowInstanceId"]!;

        var response = await Client.PostAsync($"/api/workflow-instances/{instanceId}/retry", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await ReadObjectAsync(response);
        Assert.Equal("Faulted", (string?)again["subStatus"]);
        var incidents = again["incidents"]!.AsArray();
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal("flaky", (string?)i!["activityId"]));
        Assert.Contains("attempt 2 failed", (string)incidents[1]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(2, (int)again["variables"]!["Attempts"]!);
        Assert.Equal(["start", "flaky", "flaky"], (await GetJournalAsync(instanceId)).Select(e => (string)e!["activityId"]!));
    }

    [ProviderFact]
    public async Task Retry_NotFaultedOrUnknownInstance_Returns409Or404()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var finished = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-instances/{finished}/retry", content: null), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-instances/{NewId("nothing")}/retry", content: null), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Delay_OneSecond_IsResumedByHangfire()
    {
        var id = await DeployAsync("delay.json");
        var suspended = await ExecuteAsync(id);
        var instanceId = (string)suspended["workflowInstanceId"]!;
        Assert.Equal("Suspended", (string?)suspended["subStatus"]);
        var bookmark = Assert.Single(suspended["bookmarks"]!.AsArray())!;
        Assert.NotNull((DateTimeOffset?)bookmark["dueAt"]);

        var done = await WaitForInstanceAsync(instanceId, i => HasSubStatus(i, "Finished"));

        Assert.Equal("yes", (string?)done["output"]!["woke"]);
        Assert.True((DateTimeOffset)done["finishedAt"]! >= (DateTimeOffset)bookmark["dueAt"]!);
    }

    private async Task<List<string>> ListIdsAsync(string query) =>
        [.. (await ListInstancesAsync(query))["items"]!.AsArray().Select(i => (string)i!["workflowInstanceId"]!)];

    public sealed class Sqlite(SqliteServer server) : WorkflowInstancesApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : WorkflowInstancesApiTests(server), IClassFixture<PostgreSqlServer>;
}
