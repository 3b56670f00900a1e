using System.Net;
using System.Net.Http.Json;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>
/// Who may call what: every role against one request of each endpoint group (allowed: anything but 401/403; denied: a
/// 403 problem), and no key, a malformed key, a forged secret and a revoked key (401 problems). Requests that would change
/// something use ids that do not exist, so an admitted call answers 404 and nothing changes.
/// </summary>
public abstract class RoleAccessTests(ServerFixture server) : ApiTestBase(server)
{
    private const string Admin = "admin", Designer = "designer", Operator = "operator", Centre = "service-centre", ApiClient = "api-client";

    [ProviderFact]
    public async Task EveryRole_EachEndpointGroup_IsAllowedOrRefusedAsThePoliciesSay()
    {
        var allowedDefinition = await DeployAsync("wait-for-event.json");
        var keys = new Dictionary<string, string>
        {
            [Admin] = Factory.AdminKey,
            [Designer] = await CreateKeyAsync(new { name = "designer", role = Designer }),
            [Operator] = await CreateKeyAsync(new { name = "operator", role = Operator }),
            [Centre] = await CreateKeyAsync(new { name = "centre", role = Centre, serviceCentreId = NewId("asc") }),
            [ApiClient] = await CreateKeyAsync(new { name = "client", role = ApiClient, definitionIds = new[] { allowedDefinition } }),
        };
        var groups = Groups(allowedDefinition);
        var wrong = new List<string>();

        foreach (var (role, key) in keys)
        {
            using var client = ClientWithKey(key);
            foreach (var (name, allowedRoles, _, send) in groups)
            {
                var response = await send(client);
                var allowed = allowedRoles.Contains(role);
                var status = response.StatusCode;
                if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{role} on {name}: {(int)status}, expected {(allowed ? "allowed" : "403")}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [ProviderFact]
    public async Task EveryApiGroup_WithoutKeyOrWithForgedMalformedOrRevokedKey_Returns401Problem()
    {
        var operatorKey = await CreateKeyAsync(new { name = "soon revoked", role = Operator });
        var id = operatorKey.Split('_')[1];
        using var revoked = ClientWithKey(operatorKey);
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/api/workflow-instances")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/admin/api-keys/{id}/revoke", null)).StatusCode);
        var callers = new Dictionary<string, HttpClient>
        {
            ["no key"] = ClientWithKey(null),
            ["malformed key"] = ClientWithKey("let-me-in"),
            ["forged secret"] = ClientWithKey($"kw_{id}_{new string('A', 40)}"),
            ["unknown id"] = ClientWithKey($"kw_nosuchkey_{new string('B', 40)}"),
            ["revoked key"] = revoked,
        };
        var wrong = new List<string>();

        foreach (var (caller, client) in callers)
        {
            foreach (var (name, _, _, send) in Groups(NewId("any")).Where(g => !g.Page))
            {
                var response = await send(client);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    wrong.Add($"{caller} on {name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(HttpStatusCode.OK, (await callers["no key"].GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await callers["no key"].GetAsync("/health/ready")).StatusCode);
    }

    [ProviderFact]
    public async Task BrowserPages_Anonymous_RedirectToSignIn()
    {
        using var anonymous = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in new[] { "/studio", "/studio/instances", "/hangfire", "/scalar/v1" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/signin")).StatusCode);
    }

    /// <summary>One request per endpoint group, with the roles its policy admits; pages are what people open in a browser.</summary>
    private static List<(string Name, string[] Allowed, bool Page, Func<HttpClient, Task<HttpResponseMessage>> Send)> Groups(string definitionId)
    {
        var unknown = "it-no-such-" + Guid.NewGuid().ToString("N")[..8];
        string[] everyone = [Admin, Designer, Operator, Centre, ApiClient];
        return
        [
            ("Studio", [Admin, Designer, Operator], true, c => c.GetAsync("/studio")),
            ("Hangfire dashboard", [Admin, Operator], true, c => c.GetAsync("/hangfire")),
            ("API page", everyone, true, c => c.GetAsync("/scalar/v1")),
            ("list definitions", [Admin, Designer, Operator], false, c => c.GetAsync("/api/workflow-definitions")),
            ("read a definition", [Admin, Designer, Operator], false, c => c.GetAsync($"/api/workflow-definitions/{unknown}")),
            ("save a definition", [Admin, Designer], false, c => c.PostAsync("/api/workflow-definitions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))),
            ("publish", [Admin, Designer], false, c => c.PostAsync($"/api/workflow-definitions/{unknown}/publish", null)),
            ("retract", [Admin, Designer], false, c => c.PostAsync($"/api/workflow-definitions/{unknown}/retract", null)),
            ("test run", [Admin, Designer], false, c => c.PostAsJsonAsync($"/api/workflow-definitions/{unknown}/test-run", new { })),
            ("run test cases", [Admin, Designer], false, c => c.PostAsync($"/api/workflow-definitions/{unknown}/test-cases/run", null)),
            ("execute an allowed definition", [Admin, Designer, ApiClient], false, c => c.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new { correlationId = "role-access" })),
            ("dispatch an unknown definition", [Admin, Designer], false, c => c.PostAsJsonAsync($"/api/workflow-definitions/{unknown}/dispatch", new { })),
            ("activity descriptors", [Admin, Designer, Operator], false, c => c.GetAsync("/api/activity-descriptors")),
            ("list instances", [Admin, Designer, Operator], false, c => c.GetAsync("/api/workflow-instances")),
            ("read an instance", [Admin, Designer, Operator, ApiClient], false, c => c.GetAsync($"/api/workflow-instances/{unknown}")),
            ("journal", [Admin, Designer, Operator], false, c => c.GetAsync($"/api/workflow-instances/{unknown}/journal")),
            ("cancel", [Admin, Operator], false, c => c.PostAsync($"/api/workflow-instances/{unknown}/cancel", null)),
            ("retry", [Admin, Operator], false, c => c.PostAsync($"/api/workflow-instances/{unknown}/retry", null)),
            ("delete an instance", [Admin], false, c => c.DeleteAsync($"/api/workflow-instances/{unknown}")),
            ("submit a bulk plan", [Admin, Operator], false, c => c.PostAsJsonAsync("/api/bulk-operations", new { operation = "cancel", instanceIds = new[] { unknown } })),
            ("read a bulk plan", [Admin, Operator], false, c => c.GetAsync($"/api/bulk-operations/{unknown}")),
            ("dry-run alterations", [Admin, Operator], false, c => c.PostAsJsonAsync("/api/alterations/dry-run", new { alterations = new[] { new { type = "Migrate", targetVersion = 1 } }, instanceIds = new[] { unknown } })),
            ("submit an alteration plan", [Admin, Operator], false, c => c.PostAsJsonAsync("/api/alterations", new { alterations = new[] { new { type = "Migrate", targetVersion = 1 } }, instanceIds = new[] { unknown } })),
            ("read an alteration plan", [Admin, Operator], false, c => c.GetAsync($"/api/alterations/{unknown}")),
            ("delete instances by filter", [Admin], false, c => c.DeleteAsync($"/api/workflow-instances?definitionId={unknown}&endedBefore=2000-01-01T00:00:00Z")),
            ("send an event", [Admin, Operator, ApiClient], false, c => c.PostAsJsonAsync($"/api/events/{unknown}", new { correlationId = unknown })),
            ("warranty check", [Admin, Designer, Operator, ApiClient], false, c => c.PostAsJsonAsync("/api/kitchen-lab/warranty-check", new { })),
            ("dismantle tasks", [Centre], false, c => c.GetAsync("/api/kitchen-lab/dismantle-tasks")),
            ("write-off", [Centre], false, c => c.PostAsJsonAsync("/api/kitchen-lab/write-offs", new { })),
            ("list API keys", [Admin], false, c => c.GetAsync("/api/admin/api-keys")),
            ("create an API key", [Admin], false, c => c.PostAsJsonAsync("/api/admin/api-keys", new { })),
            ("revoke an API key", [Admin], false, c => c.PostAsync($"/api/admin/api-keys/{unknown}/revoke", null)),
            ("list accounts", [Admin], false, c => c.GetAsync("/api/admin/accounts")),
            ("update an account", [Admin], false, c => c.PatchAsJsonAsync($"/api/admin/accounts/{unknown}", new { isDisabled = true })),
            ("audit log", [Admin], false, c => c.GetAsync("/api/admin/audit")),
            ("OpenAPI document", everyone, false, c => c.GetAsync("/openapi/v1.json")),
            ("metrics", [Admin, Operator], false, c => c.GetAsync("/metrics")),
        ];
    }

    public sealed class Sqlite(SqliteSignInRequiredServer server) : RoleAccessTests(server), IClassFixture<SqliteSignInRequiredServer>;

    public sealed class PostgreSql(PostgreSqlSignInRequiredServer server) : RoleAccessTests(server), IClassFixture<PostgreSqlSignInRequiredServer>;
}
