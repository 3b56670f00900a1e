using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaApi;

/// <summary><c>/elsa/api/workflow-definitions</c> and the bulk actions: Elsa's routes and shapes over our store.</summary>
public abstract class ElsaWorkflowDefinitionsTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task List_AsElsaStudioFirstAsksIt_AnswersPagedSummariesOfTheShippedWorkflows()
    {
        // Elsa Studio's first request, word for word.
        var page = await GetObjectAsync("/elsa/api/workflow-definitions?versionOptions=Latest&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending");

        ElsaContracts.AssertMeets(ElsaContracts.PagedList, page, "list");
        ElsaContracts.AssertEachMeets(ElsaContracts.WorkflowDefinitionSummary, page["items"], "summary");
        var items = page["items"]!.AsArray();
        Assert.InRange(items.Count, 1, 10);
        Assert.True((long)page["totalCount"]! >= items.Count);
        Assert.All(items, i => Assert.True((bool)i!["isLatest"]!));
        var names = items.Select(i => (string)i!["name"]!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        // Elsa Studio runs read-only unless the list offers bulk-publish, and keeps a definition read-only without publish.
        Assert.Contains(page["links"]!.AsArray(), l => (string?)l!["rel"] == "bulk-publish");
        Assert.All(items, i => Assert.Contains(i!["links"]!.AsArray(), l => (string?)l!["rel"] == "publish"));
        var everything = await GetObjectAsync("/elsa/api/workflow-definitions?versionOptions=Published");
        Assert.Contains(everything["items"]!.AsArray(), i => (string?)i!["definitionId"] == "contact-scheme-phone" && (bool)i["isPublished"]!);
    }

    [ProviderFact]
    public async Task List_SearchTermAndPaging_FindOnlyMatchingVersions()
    {
        var id = await DeployAsync("delay.json");

        var found = await GetObjectAsync($"/elsa/api/workflow-definitions?versionOptions=Latest&searchTerm={id.ToUpperInvariant()}");

        var item = Assert.Single(found["items"]!.AsArray())!;
        Assert.Equal(id, (string?)item["definitionId"]);
        Assert.Equal(1, (long)found["totalCount"]!);
        var second = await GetObjectAsync("/elsa/api/workflow-definitions?versionOptions=Published&page=1&pageSize=1&orderBy=Name");
        Assert.Single(second["items"]!.AsArray());
    }

    [ProviderFact]
    public async Task List_UnknownVersionOptions_Is400OnTheField()
    {
        var keys = await AssertValidationProblemAsync(await Client.GetAsync("/elsa/api/workflow-definitions?versionOptions=Newest"));

        Assert.Equal(["versionOptions"], keys);
    }

    [ProviderFact]
    public async Task GetByDefinitionId_AnswersElsasWorkflowDefinitionWithTheFlowchart()
    {
        var definition = await GetObjectAsync("/elsa/api/workflow-definitions/by-definition-id/contact-scheme-phone?versionOptions=Published");

        ElsaContracts.AssertMeets(ElsaContracts.WorkflowDefinition, definition, "definition");
        Assert.Equal("Elsa.Flowchart", (string?)definition["root"]!["type"]);
        Assert.True((bool)definition["isPublished"]!);
        Assert.All(definition["root"]!["activities"]!.AsArray(), a => Assert.StartsWith(definition["root"]!["id"] + ":", (string)a!["nodeId"]!, StringComparison.Ordinal));
        var byVersionId = await GetObjectAsync($"/elsa/api/workflow-definitions/by-id/{definition["id"]}");
        Assert.Equal((string?)definition["definitionId"], (string?)byVersionId["definitionId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/elsa/api/workflow-definitions/by-definition-id/no-such-workflow")).StatusCode);
    }

    [ProviderFact]
    public async Task Save_WithPublish_AnswersSaveResponseAndRunsThroughApi()
    {
        var id = NewId("elsa-save");

        var response = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = JsonNode.Parse(LoadWorkflow("fail-then-succeed.json", id)), publish = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await ReadObjectAsync(response);
        ElsaContracts.AssertMeets(ElsaContracts.SaveWorkflowDefinitionResponse, saved, "save");
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowDefinition, saved["workflowDefinition"], "saved definition");
        Assert.True((bool)saved["workflowDefinition"]!["isPublished"]!);
        Assert.Equal("Finished", (string?)(await ExecuteAsync(id))["subStatus"]);
    }

    [ProviderFact]
    public async Task Save_WithoutRoot_IsANewEmptyFlowchartDraft()
    {
        // Elsa Studio's "Create workflow" sends a model with a name and no root.
        var response = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = new { name = "Новый процесс" }, publish = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var definition = (await ReadObjectAsync(response))["workflowDefinition"]!;
        Assert.False(string.IsNullOrEmpty((string?)definition["definitionId"]));
        Assert.False((bool)definition["isPublished"]!);
        Assert.Equal("Elsa.Flowchart", (string?)definition["root"]!["type"]);
    }

    [ProviderFact]
    public async Task Save_AsElsaStudiosCreateWorkflowSendsIt_AnswersEmptyCollectionsWhereTheModelHadNulls()
    {
        // Elsa Studio's "Create workflow", word for word: nulls for the collections and options. Elsa answers them empty,
        // and the editor's workflow settings fail on a null customProperties.
        var model = JsonNode.Parse("""
            {"definitionId":null,"name":"Новый процесс","description":null,"toolVersion":"3.8.0.0","variables":null,"inputs":null,
             "outputs":null,"outcomes":null,"customProperties":null,"isReadonly":false,"options":null,
             "root":{"id":"481e442a7762d5b0","type":"Elsa.Flowchart","version":1,"name":"Flowchart1"},"links":null,
             "createdAt":"0001-01-01T00:00:00+00:00","version":1,"isLatest":true,"isPublished":false,"id":null}
            """);

        var response = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = (bool?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var definition = (await ReadObjectAsync(response))["workflowDefinition"];
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowDefinition, definition, "created definition");
        var read = await GetObjectAsync($"/elsa/api/workflow-definitions/by-definition-id/{definition!["definitionId"]}?versionOptions=Latest");
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowDefinition, read, "created definition, read again");
    }

    [ProviderFact]
    public async Task Save_InvalidModel_Is400WithPathsIntoTheBody()
    {
        var model = JsonNode.Parse(LoadWorkflow("delay.json", NewId("elsa-bad")))!.AsObject();
        model["root"]!["activities"]![0]!["type"] = "Elsa.NoSuchActivity";

        var keys = await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = false }));

        Assert.All(keys, k => Assert.StartsWith("$.model.root.activities[0]", k, StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task PublishRevertRetractDelete_FollowElsasAnswers()
    {
        var id = await DeployAsync("delay.json");

        var again = await ReadObjectAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/publish", new { }));
        Assert.True((bool)again["alreadyPublished"]!);

        var reverted = await Client.PostAsync($"/elsa/api/workflow-definitions/{id}/revert/1", content: null);
        Assert.Equal(HttpStatusCode.Created, reverted.StatusCode);
        var summary = await ReadObjectAsync(reverted);
        ElsaContracts.AssertMeets(ElsaContracts.WorkflowDefinitionSummary, summary, "reverted");
        Assert.Equal(2, (int)summary["version"]!);
        Assert.False((bool)summary["isPublished"]!);
        var versions = (await Client.GetFromJsonAsync<JsonArray>($"/elsa/api/workflow-definitions/{id}/versions"))!;
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));

        var retracted = await ReadObjectAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/retract", new { }));
        Assert.Equal(1, (int)retracted["version"]!);
        Assert.False((bool)retracted["isPublished"]!);
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/retract", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/workflow-definitions/{id}/execute", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/elsa/api/workflow-definitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/elsa/api/workflow-definitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/workflow-definitions/{id}")).StatusCode);
    }

    [ProviderFact]
    public async Task Delete_WithARunningInstance_Is409AndKeepsTheDefinition()
    {
        var id = await DeployAsync("wait-for-event.json", eventName: NewId("ev"));
        await ExecuteAsync(id);

        await AssertProblemAsync(await Client.DeleteAsync($"/elsa/api/workflow-definitions/{id}"), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/workflow-definitions/{id}")).StatusCode);
    }

    [ProviderFact]
    public async Task BulkActions_ReportEachDefinition()
    {
        var first = NewId("bulk");
        var second = NewId("bulk");
        await SaveAsync(LoadWorkflow("delay.json", first));
        await SaveAsync(LoadWorkflow("delay.json", second));

        var published = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/bulk-actions/publish/workflow-definitions/by-definition-ids", new { definitionIds = new[] { first, second, "it-none" } }));
        Assert.Equal([first, second], Ids(published["published"]));
        Assert.Equal(["it-none"], Ids(published["notFound"]));

        var retracted = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids", new { definitionIds = new[] { first } }));
        Assert.Equal([first], Ids(retracted["retracted"]));

        var deleted = await ReadObjectAsync(await Client.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id", new { definitionIds = new[] { first, second } }));
        Assert.Equal(2, (int)deleted["deleted"]!);
    }

    [ProviderFact]
    public async Task SmallQueries_AnswerElsasShapes()
    {
        Assert.True((long)(await GetObjectAsync("/elsa/api/workflow-definitions/query/count"))["count"]! >= 4);
        Assert.False((bool)(await GetObjectAsync("/elsa/api/workflow-definitions/validation/is-name-unique?name=Kitchen%20Lab%20contact%20scheme:%20hotline%20call"))["isUnique"]!);
        Assert.True((bool)(await GetObjectAsync("/elsa/api/workflow-definitions/validation/is-name-unique?name=Kitchen%20Lab%20contact%20scheme:%20hotline%20call&definitionId=contact-scheme-phone"))["isUnique"]!);
        Assert.Empty((await GetObjectAsync("/elsa/api/workflow-definitions/contact-scheme-phone/consumers"))["consumingWorkflowDefinitionIds"]!.AsArray());
    }

    [ProviderFact]
    public async Task ExportThenImport_GivesTheSameFlowchart()
    {
        var id = await DeployAsync("delay.json");
        var exported = await Client.GetAsync($"/elsa/api/workflow-definitions/{id}/export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("application/json", exported.Content.Headers.ContentType?.MediaType);
        var model = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!.AsObject();

        var copy = NewId("import");
        model["definitionId"] = copy;
        var imported = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions/import", model);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var read = await ReadObjectAsync(imported);
        Assert.False((bool)read["isPublished"]!);
        Assert.True(JsonNode.DeepEquals(model["root"], read["root"]));
    }

    [ProviderFact]
    public async Task ApiKeyInTheAuthorizationHeader_IsAccepted_AndRolesStillApply()
    {
        var operatorKey = await CreateKeyAsync(new { name = "elsa studio operator", role = "operator" });
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", operatorKey);

        var list = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions?versionOptions=Latest"))!;
        Assert.DoesNotContain(list["links"]!.AsArray(), l => (string?)l!["rel"] == "bulk-publish");
        Assert.All(list["items"]!.AsArray(), i => Assert.DoesNotContain(i!["links"]!.AsArray(), l => (string?)l!["rel"] == "publish"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = new { name = "x" } })).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", "kw_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/elsa/api/workflow-definitions")).StatusCode);
        using var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/elsa/api/workflow-definitions")).StatusCode);
    }

    private async Task<JsonObject> GetObjectAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadObjectAsync(response);
    }

    public sealed class Sqlite(SqliteServer server) : ElsaWorkflowDefinitionsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ElsaWorkflowDefinitionsTests(server), IClassFixture<PostgreSqlServer>;
}
