using System.Security.Claims;
using KitchenWorkflows.Persistence.Audit;

namespace KitchenWorkflows.Server.Auth;

/// <summary>What the server knows of a caller, as claims; and how the API reads it back.</summary>
internal static class CallerClaims
{
    public const string Kind = "kw:kind";
    public const string ServiceCentre = "kw:service-centre";
    public const string Definition = "kw:definition";

    public const string AccountKind = "account";
    public const string OidcKind = "oidc";
    public const string ApiKeyKind = "api-key";
    public const string DevelopmentKind = "development";

    /// <summary>The name the Studio acts under in Development when nobody signed in.</summary>
    public const string DevelopmentUserName = "development";

    public static ClaimsPrincipal Create(string authenticationType, string name, string kind, IEnumerable<string> roles, IEnumerable<Claim>? more = null)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(Kind, kind));
        identity.AddClaims(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        if (more is not null)
        {
            identity.AddClaims(more);
        }

        return new ClaimsPrincipal(identity);
    }

    public static string? KindOf(this ClaimsPrincipal user) => user.FindFirstValue(Kind);

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    /// <summary>The service centre a service-centre key acts for; null for anyone else.</summary>
    public static string? ServiceCentreOf(this ClaimsPrincipal user) => user.FindFirstValue(ServiceCentre);

    /// <summary>An API client's allowed definitions; null for anyone else (not limited by definition).</summary>
    public static IReadOnlySet<string>? AllowedDefinitionsOf(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.ApiClient) ? user.FindAll(Definition).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>Who the audit log names for this caller.</summary>
    public static AuditActor ToAuditActor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new AuditActor(user.Identity.Name ?? "unknown", user.KindOf() ?? "unknown")
            : new AuditActor("anonymous", "anonymous");
}
