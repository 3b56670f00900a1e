using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.HttpWorkflows;

/// <summary>
/// Who may call an HTTP endpoint. Anonymous callers only where the endpoint's <c>authorize</c> is false and
/// <see cref="HttpWorkflowsOptions.AllowAnonymous"/> is on; anyone else needs a key or sign-in with the role
/// the endpoint's <c>policy</c> names (one of ours, or a server policy's roles), or without a policy any role but a
/// service centre's; an API client only for the definitions its key names, as for <c>execute</c>.
/// </summary>
internal sealed class HttpEndpointAccess(IOptions<HttpWorkflowsOptions> options)
{
    private static readonly string[] DefaultCallers = [.. Roles.All.Except([Roles.ServiceCentre])];

    /// <summary>The refusal (401, 403), or null when the caller may call.</summary>
    public IResult? Refuse(HttpContext http, HttpTarget target)
    {
        var route = target.Route;
        if (!route.Authorize && options.Value.AllowAnonymous)
        {
            return null;
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = AuthSchemes.ApiKey;
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.",
                detail: $"This endpoint wants an API key in {AuthSchemes.ApiKeyHeader} or a sign-in.");
        }

        var roles = route.Policy is { } policy ? Policies.RolesByPolicy.GetValueOrDefault(policy) ?? [policy] : DefaultCallers;
        if (!roles.Any(user.IsInRole))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                detail: route.Policy is null ? "Your role may not call workflow endpoints." : $"This endpoint wants the role '{string.Join("' or '", roles)}'.");
        }

        return CallerAccess.ForbidUnlessAllowed(user, target.DefinitionId);
    }
}
