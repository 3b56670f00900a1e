using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Describes how to authenticate: the security schemes (the API key header, the Studio's sign-in cookie, and the OpenID
/// Connect provider when configured), and on every operation which of them it accepts and which roles its policy admits.
/// </summary>
internal sealed class OpenApiSecurity(IOptions<AuthOptions> options) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string ApiKeyScheme = "ApiKey";
    private const string CookieScheme = "Cookie";
    private const string OidcScheme = "OpenIdConnect";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthSchemes.ApiKeyHeader,
            Description = "An API key (kw_<id>_<secret>) an admin created; it carries one role, and a service centre's or an API client's scope.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthSchemes.CookieName,
            Description = "The Studio's sign-in cookie, set by /signin (a local account, or the OpenID Connect provider when configured).",
        };
        if (options.Value.Oidc.Enabled)
        {
            document.Components.SecuritySchemes[OidcScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OpenIdConnect,
                OpenIdConnectUrl = new Uri(options.Value.Oidc.Authority!.TrimEnd('/') + "/.well-known/openid-configuration"),
                Description = "Sign-in to the Studio through the OpenID Connect provider; it leaves the sign-in cookie.",
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        var roles = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => a.Policy is { } policy && Policies.RolesByPolicy.TryGetValue(policy, out var admitted) ? admitted : Roles.All)
            .Distinct(StringComparer.Ordinal).ToList();
        // Service centres and API clients only ever hold keys; people may also call with their sign-in.
        var schemes = roles.Any(r => Roles.Ops.Contains(r)) ? new[] { ApiKeyScheme, CookieScheme } : [ApiKeyScheme];
        operation.Security = [.. schemes.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, context.Document)] = [] })];
        operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}Roles: {string.Join(", ", roles)}.";
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credentials, or a forged, revoked or expired one." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The caller's role (or key scope) does not allow this." });
        return Task.CompletedTask;
    }
}
