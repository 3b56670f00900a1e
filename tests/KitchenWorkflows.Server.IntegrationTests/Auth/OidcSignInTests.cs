using System.Net;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace KitchenWorkflows.Server.IntegrationTests.Auth;

/// <summary>With <c>Auth:Oidc:Authority</c> set, sign-in goes to the provider (authorization code with PKCE) instead of the form.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private readonly OidcProviderStandIn _provider = new();
    private ServerFactory? _factory;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _factory = new ServerFactory(StorageProvider.Sqlite)
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:RequireSignInInDevelopment"] = "true",
                ["Auth:Oidc:Authority"] = _provider.Authority,
                ["Auth:Oidc:ClientId"] = "kitchen-studio",
                ["Auth:Oidc:ClientSecret"] = "studio-secret",
                ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            },
        };
    }

    public async Task DisposeAsync()
    {
        _factory?.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Studio_WithOidcConfigured_SignInRedirectsToTheProvidersAuthorizeEndpoint()
    {
        using var browser = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var studio = await browser.GetAsync("/studio");
        Assert.Equal(HttpStatusCode.Redirect, studio.StatusCode);
        var signIn = await browser.GetAsync(studio.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authorize = signIn.Headers.Location!;
        Assert.Equal(_provider.Authority + "/authorize", authorize.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("kitchen-studio", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.Contains(_provider.Requests, r => r.Path == "/.well-known/openid-configuration");
    }

    [Fact]
    public async Task OpenApi_WithOidcConfigured_ListsTheProviderAsASecurityScheme()
    {
        using var client = _factory!.CreateAdminClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        var scheme = document["components"]!["securitySchemes"]!["OpenIdConnect"]!;
        Assert.Equal("openIdConnect", (string?)scheme["type"]);
        Assert.Equal(_provider.Authority + "/.well-known/openid-configuration", (string?)scheme["openIdConnectUrl"]);
    }

    [Fact]
    public void MapRoles_ProviderValues_GrantOurRoleByNameOrByMapping()
    {
        var mapping = new Dictionary<string, string> { ["admin"] = "kw-admins, it-leads", ["operator"] = "support" };

        Assert.Equal(["admin", "designer", "operator"], OidcSetup.MapRoles(new HashSet<string> { "it-leads", "designer", "support" }, mapping));
        Assert.Equal(["operator"], OidcSetup.MapRoles(new HashSet<string> { "support", "service-centre", "admins" }, mapping));
        Assert.Empty(OidcSetup.MapRoles(new HashSet<string>(), mapping));
    }
}
