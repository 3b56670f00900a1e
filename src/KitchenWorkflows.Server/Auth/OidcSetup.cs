using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code with PKCE); the user then holds the same sign-in cookie
/// as with a local account. The provider's role or group claim is mapped to our roles by <c>Auth:Oidc:RoleMapping</c>.
/// </summary>
internal static class OidcSetup
{
    public static void Configure(OpenIdConnectOptions options, AuthOptions.OidcOptions oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.SignInScheme = AuthSchemes.Cookie;
        options.CallbackPath = "/signin-oidc";
        options.TokenValidationParameters.NameClaimType = oidc.NameClaimType;
        options.TokenValidationParameters.RoleClaimType = oidc.RoleClaimType;
        options.Events.OnTokenValidated = context =>
        {
            var provided = context.Principal!;
            var name = provided.FindFirst(oidc.NameClaimType)?.Value ?? provided.FindFirst("sub")?.Value ?? "unknown";
            var values = provided.FindAll(oidc.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            context.Principal = CallerClaims.Create(AuthSchemes.Oidc, name, CallerClaims.OidcKind, MapRoles(values, oidc.RoleMapping));
            return Task.CompletedTask;
        };
    }

    /// <summary>Our roles that the provider's values grant: the role's own name, or a value mapped to it.</summary>
    public static IEnumerable<string> MapRoles(IReadOnlySet<string> values, IReadOnlyDictionary<string, string> mapping) =>
        Roles.Ops.Where(role => values.Contains(role)
            || (mapping.TryGetValue(role, out var mapped) && mapped.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(values.Contains)));
}
