using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary><c>/api/admin/audit</c>: who saved, published, imported, cancelled, retried and sent events, and changed keys.</summary>
public abstract class AuditTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task DefinitionChanges_SaveAndPublish_AreRecordedWithWhoAndVersion()
    {
        var designerKey = await CreateKeyAsync(new { name = "Petrova (designer)", role = "designer" });
        var designer = $"key:{designerKey.Split('_')[1]} (Petrova (designer))";
        using var client = ClientWithKey(designerKey);
        var id = NewId("audited");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/workflow-definitions", Json(LoadWorkflow("delay.json", id)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).StatusCode);

        var rows = await AuditAsync($"entityType=definition&entityId={id}");
        Assert.Equal([("definition.publish", 1), ("definition.save", 1)], rows.Select(r => ((string)r["action"]!, (int)r["version"]!)));
        Assert.All(rows, r => Assert.Equal((designer, "api-key"), ((string)r["actor"]!, (string)r["actorKind"]!)));
        Assert.All(rows, r => Assert.InRange((DateTimeOffset)r["at"]!, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [ProviderFact]
    public async Task StartupImport_IsRecordedAsSystem()
    {
        var rows = await AuditAsync("action=definition.import&entityId=contact-scheme-phone");

        var row = Assert.Single(rows);
        Assert.Equal(("system", "system", "file:contact-scheme-phone.json"), ((string)row["actor"]!, (string)row["actorKind"]!, (string)row["details"]!));
        Assert.True((int)row["version"]! >= 1);
    }

    [ProviderFact]
    public async Task InstanceActions_CancelRetryAndEvent_AreRecordedWithWho()
    {
        var operatorKey = await CreateKeyAsync(new { name = "night shift", role = "operator" });
        var actor = $"key:{operatorKey.Split('_')[1]} (night shift)";
        using var client = ClientWithKey(operatorKey);
        var eventName = NewId("audited-event");
        var waiting = (string)(await ExecuteAsync(await DeployAsync("wait-for-event.json", eventName), new { correlationId = "a-1" }))["workflowInstanceId"]!;
        var cancelled = (string)(await ExecuteAsync(await DeployAsync("wait-for-event.json"), new { }))["workflowInstanceId"]!;
        var faulted = (string)(await ExecuteAsync(await DeployAsync("fail-then-succeed.json"), new { input = new { failures = 1 } }))["workflowInstanceId"]!;

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-instances/{cancelled}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-instances/{faulted}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/events/{eventName}", new { correlationId = "a-1" })).StatusCode);

        var rows = await AuditAsync($"actor={Uri.EscapeDataString(actor)}");
        Assert.Equal(
            [("event.publish", "event", eventName), ("instance.retry", "instance", faulted), ("instance.cancel", "instance", cancelled)],
            rows.Select(r => ((string)r["action"]!, (string)r["entityType"]!, (string)r["entityId"]!)));
        Assert.Contains(waiting, (string)rows[0]["details"]!, StringComparison.Ordinal);
        Assert.Contains("a-1", (string)rows[0]["details"]!, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task KeyChanges_AndPaging_AreRecordedAndFiltered()
    {
        var key = await CreateKeyAsync(new { name = "temporary", role = "designer" });
        var id = key.Split('_')[1];
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/admin/api-keys/{id}/revoke", null)).StatusCode);

        var rows = await AuditAsync($"entityType=api-key&entityId={id}");
        Assert.Equal(["api-key.revoke", "api-key.create"], rows.Select(r => (string)r["action"]!));
        Assert.All(rows, r => Assert.StartsWith("key:testadmin", (string)r["actor"]!, StringComparison.Ordinal));
        Assert.Contains("temporary (designer)", (string)rows[1]["details"]!, StringComparison.Ordinal);

        var page = await Client.GetFromJsonAsync<JsonObject>("/api/admin/audit?pageSize=1&page=2");
        Assert.Equal((2, 1), ((int)page!["page"]!, page["items"]!.AsArray().Count));
        Assert.True((int)page["totalCount"]! >= 2);
        await AssertValidationProblemAsync(await Client.GetAsync("/api/admin/audit?pageSize=0"));
    }

    [ProviderFact]
    public async Task Paging_FarPageIsEmpty_AndBadValuesAre400OnTheirField()
    {
        await CreateKeyAsync(new { name = "audited", role = "designer" });

        // (page - 1) × pageSize is beyond int: in 32 bits it wrapped to a negative offset and answered page 1.
        Assert.Empty(await AuditAsync("page=2147483647&pageSize=500"));
        Assert.Equal(["page"], await AssertValidationProblemAsync(await Client.GetAsync("/api/admin/audit?page=abc")));
        Assert.Equal(["pageSize"], await AssertValidationProblemAsync(await Client.GetAsync("/api/admin/audit?pageSize=501")));
        Assert.Equal(["page", "pageSize"], (await AssertValidationProblemAsync(await Client.GetAsync("/api/admin/audit?page=-1&pageSize=1e3"))).Order(StringComparer.Ordinal));
    }

    private async Task<List<JsonObject>> AuditAsync(string query)
    {
        var page = await Client.GetFromJsonAsync<JsonObject>($"/api/admin/audit?{query}");
        return [.. page!["items"]!.AsArray().Select(r => r!.AsObject())];
    }

    public sealed class Sqlite(SqliteServer server) : AuditTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : AuditTests(server), IClassFixture<PostgreSqlServer>;
}
