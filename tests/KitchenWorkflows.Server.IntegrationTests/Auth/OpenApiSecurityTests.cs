using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>The OpenAPI document describes the security schemes and, per operation, what it accepts and which roles.</summary>
public abstract class OpenApiSecurityTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Document_ListsTheSchemesAndEachOperationsRequirement()
    {
        var document = (await Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)schemes["ApiKey"]!["type"], (string?)schemes["ApiKey"]!["in"], (string?)schemes["ApiKey"]!["name"]));
        Assert.Equal(("apiKey", "cookie", "KitchenWorkflows.Auth"), ((string?)schemes["Cookie"]!["type"], (string?)schemes["Cookie"]!["in"], (string?)schemes["Cookie"]!["name"]));
        var paths = document["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Verb: o.Key, Operation: o.Value!.AsObject()))).ToList();
        Assert.All(operations, o => Assert.NotEmpty(o.Operation["security"]!.AsArray()));
        Assert.All(operations, o => Assert.NotNull(o.Operation["responses"]!["401"]));

        Assert.Equal(["ApiKey", "Cookie"], Schemes(paths["/api/workflow-definitions"]!["post"]!));
        Assert.Contains("Roles: admin, designer.", (string?)paths["/api/workflow-definitions"]!["post"]!["description"], StringComparison.Ordinal);
        Assert.Equal(["ApiKey"], Schemes(paths["/api/kitchen-lab/write-offs"]!["post"]!));
        Assert.Contains("Roles: service-centre.", (string?)paths["/api/kitchen-lab/write-offs"]!["post"]!["description"], StringComparison.Ordinal);
        Assert.Contains("Roles: admin.", (string?)paths["/api/admin/api-keys"]!["post"]!["description"], StringComparison.Ordinal);
    }

    private static List<string> Schemes(JsonNode operation) =>
        [.. operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key))];

    public sealed class Sqlite(SqliteServer server) : OpenApiSecurityTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : OpenApiSecurityTests(server), IClassFixture<PostgreSqlServer>;
}
