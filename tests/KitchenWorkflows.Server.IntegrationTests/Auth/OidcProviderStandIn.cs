using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>An OpenID Connect provider's discovery document and (empty) key set on 127.0.0.1: enough for the server to challenge.</summary>
internal sealed class OidcProviderStandIn : StandInServer
{
    public string Authority => BaseUrl.ToString().TrimEnd('/');

    protected override void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
    }
}
