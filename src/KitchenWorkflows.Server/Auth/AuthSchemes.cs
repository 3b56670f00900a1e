namespace KitchenWorkflows.Server.Auth;

/// <summary>The authentication schemes and the headers they read.</summary>
internal static class AuthSchemes
{
    /// <summary>Picks one of the others per request by what it carries.</summary>
    public const string Default = "KitchenWorkflows";

    /// <summary>An API key in <see cref="ApiKeyHeader"/>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The Studio's own calls on behalf of its signed-in user, in <see cref="StudioUserHeader"/>.</summary>
    public const string StudioUser = "StudioUser";

    /// <summary>The Studio's sign-in cookie.</summary>
    public const string Cookie = "Cookies";

    /// <summary>The OpenID Connect provider, when configured.</summary>
    public const string Oidc = "oidc";

    public const string ApiKeyHeader = "X-Api-Key";

    public const string StudioUserHeader = "X-Studio-User";

    public const string CookieName = "KitchenWorkflows.Auth";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The Studio user token a request carries: in <see cref="StudioUserHeader"/>, or as a bearer token (Elsa Studio's elements).</summary>
    public static string? StudioUserTokenOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(StudioUserHeader, out var header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }
}
