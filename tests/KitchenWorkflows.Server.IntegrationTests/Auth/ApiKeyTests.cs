using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary><c>/api/admin/api-keys</c>: the key is shown once and stored only as a salted hash; revocation; validation.</summary>
public abstract class ApiKeyTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Create_ShowsTheKeyOnce_AndTheStoreHoldsOnlyASaltedHash()
    {
        var response = await Client.PostAsJsonAsync("/api/admin/api-keys", new { name = "CRM", role = "api-client", definitionIds = new[] { "claim-intake", "contact-scheme-phone" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ReadObjectAsync(response);
        var key = (string)created["key"]!;
        var id = (string)created["apiKey"]!["id"]!;
        Assert.Matches("^kw_[a-z0-9]{12}_[A-Za-z0-9]{40}$", key);
        Assert.Equal($"kw_{id}_", key[..(id.Length + 4)]);
        Assert.Equal(["claim-intake", "contact-scheme-phone"], created["apiKey"]!["definitionIds"]!.AsArray().Select(d => (string)d!));
        var secret = key[(id.Length + 4)..];

        var listed = (await Client.GetFromJsonAsync<JsonArray>("/api/admin/api-keys"))!.Single(k => (string)k!["id"]! == id)!;
        Assert.Null(listed["key"]);
        Assert.DoesNotContain(secret, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("CRM", "api-client"), ((string?)listed["name"], (string?)listed["role"]));

        await using var db = Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
        var stored = string.Join("|", row.Id, row.Name, row.Role, row.AllowedDefinitionIds, row.Salt, row.Hash, row.CreatedBy);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.Equal(16, Convert.FromBase64String(row.Salt).Length);
        Assert.Equal(32, Convert.FromBase64String(row.Hash).Length);

        using var client = ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/kitchen-lab/warranty-check", new { handoverDate = "2024-03-01", claimDate = "2026-11-24", itemCategory = "cabinet", cause = "manufacturing-defect" })).StatusCode);
    }

    [ProviderFact]
    public async Task Revoke_KeyStopsWorkingAtOnce_AndStaysListedAsRevoked()
    {
        var key = await CreateKeyAsync(new { name = "operator desk", role = "operator" });
        var id = key.Split('_')[1];
        using var client = ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workflow-instances")).StatusCode);

        var revoked = await ReadObjectAsync(await Client.PostAsync($"/api/admin/api-keys/{id}/revoke", null));

        Assert.NotNull(revoked["revokedAt"]);
        Assert.StartsWith("key:testadmin", (string?)revoked["revokedBy"], StringComparison.Ordinal);
        await AssertProblemAsync(await client.GetAsync("/api/workflow-instances"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/admin/api-keys/{id}/revoke", null)).StatusCode);
        await AssertProblemAsync(await Client.PostAsync($"/api/admin/api-keys/{NewId("none")}/revoke", null), HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Create_InvalidRequests_Return400KeyedByField()
    {
        async Task<List<string>> ErrorsAsync(object body) =>
            [.. (await AssertValidationProblemAsync(await Client.PostAsJsonAsync("/api/admin/api-keys", body))).Order(StringComparer.Ordinal)];

        Assert.Equal(["name", "role"], await ErrorsAsync(new { }));
        Assert.Equal(["role"], await ErrorsAsync(new { name = "x", role = "superuser" }));
        Assert.Equal(["serviceCentreId"], await ErrorsAsync(new { name = "x", role = "service-centre" }));
        Assert.Equal(["definitionIds"], await ErrorsAsync(new { name = "x", role = "api-client" }));
        Assert.Equal(["definitionIds[1]"], await ErrorsAsync(new { name = "x", role = "api-client", definitionIds = new[] { "a", "b,c" } }));
        Assert.Equal(["definitionIds", "serviceCentreId"], await ErrorsAsync(new { name = "x", role = "operator", serviceCentreId = "asc-1", definitionIds = new[] { "a" } }));
    }

    public sealed class Sqlite(SqliteServer server) : ApiKeyTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ApiKeyTests(server), IClassFixture<PostgreSqlServer>;
}
