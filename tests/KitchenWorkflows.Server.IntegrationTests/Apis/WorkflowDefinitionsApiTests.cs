using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Apis;

/// <summary><c>/api/workflow-definitions</c>: list, drafts, versions, publish, execute, dispatch, idempotency.</summary>
public abstract class WorkflowDefinitionsApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task List_AfterStartUp_HasTheShippedWorkflowsPublished()
    {
        var list = (await Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!;

        foreach (var shipped in new[] { "contact-scheme-phone", "contact-scheme-usedesk", "contact-scheme-legacy", "claim-intake" })
        {
            // Imported under the version the file states, so raising it is what ships a change.
            var fileVersion = (int)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", shipped + ".json")))!["version"]!;
            var line = Assert.Single(list, d => (string?)d!["definitionId"] == shipped)!;
            Assert.False(string.IsNullOrEmpty((string?)line["name"]));
            Assert.Equal(fileVersion, (int)line["latestVersion"]!);
            Assert.Equal(fileVersion, (int?)line["publishedVersion"]);
            Assert.True((bool)line["isPublished"]!);
        }
    }

    [ProviderFact]
    public async Task Save_NewDefinition_Returns201WithLocationAndDraftVersion1()
    {
        var id = NewId("save");

        var response = await Client.PostAsync("/api/workflow-definitions", Json(LoadWorkflow("wait-for-event.json", id)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/workflow-definitions/{id}?version=1", response.Headers.Location?.OriginalString);
        var saved = await ReadObjectAsync(response);
        Assert.Equal(id, (string?)saved["definitionId"]);
        Assert.Equal(1, (int)saved["version"]!);
        Assert.False((bool)saved["isPublished"]!);
        var line = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!, d => (string?)d!["definitionId"] == id)!;
        Assert.Equal(1, (int)line["latestVersion"]!);
        Assert.Null((int?)line["publishedVersion"]);
        Assert.False((bool)line["isPublished"]!);
    }

    [ProviderFact]
    public async Task Save_DraftAgainBeforePublish_ReplacesTheDraft()
    {
        var id = NewId("redraft");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "first"));

        var second = await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "second"));

        Assert.Equal(1, (int)second["version"]!);
        var latest = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}"))!;
        Assert.Equal(1, (int)latest["version"]!);
        Assert.Equal("Wait for an event (second)", (string?)latest["name"]);
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{id}?version=2"), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Versions_AfterAPublishAndADraft_ListsBothNewestFirst_AndAnUnknownDefinitionIs404()
    {
        var id = NewId("versions");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "one"));
        await PublishAsync(id);
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "two"));

        var versions = (await Client.GetFromJsonAsync<JsonArray>($"/api/workflow-definitions/{id}/versions"))!;

        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal([true, false], versions.Select(v => (bool)v!["isLatest"]!));
        Assert.Equal([false, true], versions.Select(v => (bool)v!["isPublished"]!));
        await AssertProblemAsync(await Client.GetAsync("/api/workflow-definitions/no-such-definition/versions"), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Save_AfterPublish_MakesVersion2WhileVersion1StaysPublished()
    {
        var id = NewId("v2");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "one"));
        await PublishAsync(id);

        var second = await SaveAsync(LoadWorkflow("wait-for-event.json", id, label: "two"));

        Assert.Equal(2, (int)second["version"]!);
        Assert.False((bool)second["isPublished"]!);
        var line = Assert.Single((await Client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!, d => (string?)d!["definitionId"] == id)!;
        Assert.Equal(2, (int)line["latestVersion"]!);
        Assert.Equal(1, (int?)line["publishedVersion"]);
        Assert.True((bool)line["isPublished"]!);
        await AssertVersionAsync(id, "", 2, "Wait for an event (two)");
        await AssertVersionAsync(id, "?version=latest", 2, "Wait for an event (two)");
        await AssertVersionAsync(id, "?version=published", 1, "Wait for an event (one)");
        await AssertVersionAsync(id, "?version=1", 1, "Wait for an event (one)");
        await AssertVersionAsync(id, "?version=2", 2, "Wait for an event (two)");
    }

    [ProviderFact]
    public async Task Save_UnknownTypeAndDanglingConnection_Returns400WithEveryErrorByJsonPath()
    {
        var definition = JsonNode.Parse(LoadWorkflow("wait-for-event.json", NewId("invalid")))!;
        var root = definition["root"]!;
        root["activities"]!.AsArray().Add(new JsonObject { ["id"] = "mystery", ["type"] = "Acme.NoSuchActivity", ["version"] = 1 });
        root["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "after", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }"""));

        var keys = await AssertValidationProblemAsync(await Client.PostAsync("/api/workflow-definitions", Json(definition.ToJsonString())));

        Assert.All(keys, k => Assert.StartsWith("$.", k, StringComparison.Ordinal));
        Assert.Contains("$.root.activities[4].type", keys);
        Assert.Contains(keys, k => k.StartsWith("$.root.connections[3].target", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task Save_MalformedOrNonObjectJson_Returns400()
    {
        foreach (var body in new[] { "{ \"definitionId\": ", "not json", "", "null", "[]", "42", "\"text\"" })
        {
            var response = await Client.PostAsync("/api/workflow-definitions", Json(body));

            await AssertValidationProblemAsync(response);
        }
    }

    [ProviderFact]
    public async Task Get_UnknownDefinitionOrVersion_Returns404()
    {
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{NewId("nothing")}"), HttpStatusCode.NotFound);

        var id = NewId("draft-only");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id));
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{id}?version=published"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{id}?version=7"), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Get_BadVersionSelector_Returns400OnVersion()
    {
        foreach (var version in new[] { "newest", "0", "-1", "1.5" })
        {
            var keys = await AssertValidationProblemAsync(await Client.GetAsync($"/api/workflow-definitions/contact-scheme-phone?version={version}"));

            Assert.Equal(["version"], keys);
        }
    }

    [ProviderFact]
    public async Task Publish_Draft_Returns200ThenTwiceIs409()
    {
        var id = NewId("publish");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id));

        var published = await PublishAsync(id);

        Assert.Equal(1, (int)published["version"]!);
        Assert.True((bool)published["isPublished"]!);
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{id}/publish", content: null), HttpStatusCode.Conflict);
    }

    [ProviderFact]
    public async Task Publish_UnknownDefinition_Returns404()
    {
        await AssertProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{NewId("nothing")}/publish", content: null), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Publish_NewVersion_NewInstancesRunItAtOnceWhileARunningOneKeepsItsVersion()
    {
        var eventName = NewId("go");
        var id = NewId("versions");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, eventName, label: "one"));
        await PublishAsync(id);
        var old = await ExecuteAsync(id, new { correlationId = "old" });

        await SaveAsync(LoadWorkflow("wait-for-event.json", id, eventName, label: "two"));
        await PublishAsync(id);
        var fresh = await ExecuteAsync(id, new { correlationId = "new" });

        Assert.Equal(1, (int)old["definitionVersion"]!);
        Assert.Equal(2, (int)fresh["definitionVersion"]!);
        Assert.Equal([(string)old["workflowInstanceId"]!], await PublishEventAsync(eventName, new { correlationId = "old" }));
        Assert.Equal([(string)fresh["workflowInstanceId"]!], await PublishEventAsync(eventName, new { correlationId = "new" }));
        var oldDone = await GetInstanceAsync((string)old["workflowInstanceId"]!);
        var freshDone = await GetInstanceAsync((string)fresh["workflowInstanceId"]!);
        Assert.Equal(("Finished", 1, "one"), ((string)oldDone["subStatus"]!, (int)oldDone["definitionVersion"]!, (string)oldDone["output"]!["label"]!));
        Assert.Equal(("Finished", 2, "two"), ((string)freshDone["subStatus"]!, (int)freshDone["definitionVersion"]!, (string)freshDone["output"]!["label"]!));
    }

    [ProviderFact]
    public async Task Execute_WorkflowThatFinishes_Returns200WithTheSummary()
    {
        var id = await DeployAsync("fail-then-succeed.json");

        var instance = await ExecuteAsync(id, new { input = new { failures = 0, note = "hello" }, correlationId = "order-1" });

        Assert.False(string.IsNullOrEmpty((string?)instance["workflowInstanceId"]));
        Assert.Equal(id, (string?)instance["definitionId"]);
        Assert.Equal(1, (int)instance["definitionVersion"]!);
        Assert.Equal("Finished", (string?)instance["status"]);
        Assert.Equal("Finished", (string?)instance["subStatus"]);
        Assert.Equal("order-1", (string?)instance["correlationId"]);
        Assert.Equal("hello", (string?)instance["input"]!["note"]);
        Assert.Equal(1, (int)instance["output"]!["succeededOnAttempt"]!);
        Assert.Equal(1, (int)instance["variables"]!["Attempts"]!);
        Assert.Empty(instance["bookmarks"]!.AsArray());
        Assert.Empty(instance["incidents"]!.AsArray());
    }

    [ProviderFact]
    public async Task Execute_WorkflowThatWaits_ReturnsSuspendedWithItsBookmark()
    {
        var eventName = NewId("wait");
        var id = await DeployAsync("wait-for-event.json", eventName);

        var instance = await ExecuteAsync(id, new { correlationId = "c-1" });

        Assert.Equal("Running", (string?)instance["status"]);
        Assert.Equal("Suspended", (string?)instance["subStatus"]);
        Assert.Equal("waiting", (string?)instance["output"]!["stage"]);
        var bookmark = Assert.Single(instance["bookmarks"]!.AsArray())!;
        Assert.Equal(eventName, (string?)bookmark["name"]);
        Assert.Equal("wait", (string?)bookmark["activityId"]);
        Assert.Equal("c-1", (string?)bookmark["correlationId"]);
    }

    [ProviderFact]
    public async Task Execute_UnpublishedOrUnknownDefinition_Returns404()
    {
        var draft = NewId("draft");
        await SaveAsync(LoadWorkflow("wait-for-event.json", draft));

        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{draft}/execute", new { }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{NewId("nothing")}/execute", new { }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{draft}/dispatch", new { }), HttpStatusCode.NotFound);
        Assert.Equal(0, await CountInstancesAsync(draft));
    }

    [ProviderFact]
    public async Task Execute_WithVersion_RunsThatSavedDraftWhileNewInstancesStayOnThePublishedOne()
    {
        var eventName = NewId("draft-go");
        var id = NewId("testrun");
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, eventName, label: "one"));
        await PublishAsync(id);
        await SaveAsync(LoadWorkflow("wait-for-event.json", id, eventName, label: "two"));

        var draftRun = await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute?version=2", new { correlationId = "draft" });
        var published = await ExecuteAsync(id, new { correlationId = "published" });

        Assert.Equal(HttpStatusCode.OK, draftRun.StatusCode);
        Assert.Equal(2, (int)(await draftRun.Content.ReadFromJsonAsync<JsonObject>())!["definitionVersion"]!);
        Assert.Equal(1, (int)published["definitionVersion"]!);
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute?version=9", new { }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute?version=0", new { }), HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task Execute_BadBody_Returns400WithThePath()
    {
        var id = await DeployAsync("fail-then-succeed.json");

        var wrongType = await AssertValidationProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{id}/execute", Json("""{ "input": 5 }""")));
        var malformed = await AssertValidationProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{id}/execute", Json("""{ "input": { "a": """)));
        var dispatched = await AssertValidationProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{id}/dispatch", Json("""{ "correlationId": [] }""")));

        Assert.Contains("$.input", wrongType);
        Assert.All(malformed, k => Assert.StartsWith("$", k, StringComparison.Ordinal));
        Assert.Contains("$.correlationId", dispatched);
        Assert.Equal(0, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Dispatch_Returns202AndTheInstanceFinishesInTheBackground()
    {
        var id = await DeployAsync("fail-then-succeed.json");

        var response = await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/dispatch", new { input = new { failures = 0 } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = (string)(await ReadObjectAsync(response))["workflowInstanceId"]!;
        Assert.Equal($"/api/workflow-instances/{instanceId}", response.Headers.Location?.OriginalString);
        var done = await WaitForInstanceAsync(instanceId, i => HasSubStatus(i, "Finished"));
        Assert.Equal(1, (int)done["output"]!["succeededOnAttempt"]!);
    }

    [ProviderFact]
    public async Task Execute_SameIdempotencyKeyAndBody_ReturnsTheFirstInstanceAndStartsNothing()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var body = new { input = new { failures = 0 }, correlationId = "idem" };

        var first = await SendWithKeyAsync($"/api/workflow-definitions/{id}/execute", "key-1", body);
        var second = await SendWithKeyAsync($"/api/workflow-definitions/{id}/execute", "key-1", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string?)(await ReadObjectAsync(first))["workflowInstanceId"], (string?)(await ReadObjectAsync(second))["workflowInstanceId"]);
        Assert.Equal(1, await CountInstancesAsync(id));
        await AssertProblemAsync(await SendWithKeyAsync($"/api/workflow-definitions/{id}/execute", "key-1", new { input = new { failures = 1 } }), HttpStatusCode.Conflict);
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Dispatch_SameIdempotencyKeyAndBody_ReturnsTheFirstInstanceAndStartsNothing()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var body = new { input = new { failures = 0 } };

        var first = await SendWithKeyAsync($"/api/workflow-definitions/{id}/dispatch", "key-1", body);
        var second = await SendWithKeyAsync($"/api/workflow-definitions/{id}/dispatch", "key-1", body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var instanceId = (string)(await ReadObjectAsync(first))["workflowInstanceId"]!;
        Assert.Equal(instanceId, (string?)(await ReadObjectAsync(second))["workflowInstanceId"]);
        await WaitForInstanceAsync(instanceId, i => HasSubStatus(i, "Finished"));
        var third = await SendWithKeyAsync($"/api/workflow-definitions/{id}/dispatch", "key-1", body);
        Assert.Equal(instanceId, (string?)(await ReadObjectAsync(third))["workflowInstanceId"]);
        Assert.Equal(1, await CountInstancesAsync(id));
        await AssertProblemAsync(await SendWithKeyAsync($"/api/workflow-definitions/{id}/dispatch", "key-1", new { input = new { failures = 2 } }), HttpStatusCode.Conflict);
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Execute_SameIdempotencyKeyInParallel_StartsOneInstance()
    {
        var id = await DeployAsync("fail-then-succeed.json");
        var body = new { input = new { failures = 0 } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendWithKeyAsync($"/api/workflow-definitions/{id}/execute", "parallel", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((string)(await ReadObjectAsync(response))["workflowInstanceId"]!);
        }

        Assert.Single(ids);
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Execute_IdempotencyKeyTooLong_Returns400()
    {
        var id = await DeployAsync("fail-then-succeed.json");

        var keys = await AssertValidationProblemAsync(await SendWithKeyAsync($"/api/workflow-definitions/{id}/execute", new string('k', 201), new { }));

        Assert.Equal(["Idempotency-Key"], keys);
        Assert.Equal(0, await CountInstancesAsync(id));
    }

    private async Task AssertVersionAsync(string definitionId, string query, int version, string name)
    {
        var definition = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{definitionId}{query}"))!;
        Assert.Equal(version, (int)definition["version"]!);
        Assert.Equal(name, (string?)definition["name"]);
    }

    private Task<HttpResponseMessage> SendWithKeyAsync(string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return Client.SendAsync(request);
    }

    public sealed class Sqlite(SqliteServer server) : WorkflowDefinitionsApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : WorkflowDefinitionsApiTests(server), IClassFixture<PostgreSqlServer>;
}
