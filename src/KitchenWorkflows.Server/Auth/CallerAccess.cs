using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Auth;

/// <summary>The per-resource checks the policies cannot make: an API client's definitions.</summary>
internal static class CallerAccess
{
    /// <summary>403 when the caller is an API client whose key does not allow the definition; null otherwise.</summary>
    public static ProblemHttpResult? ForbidUnlessAllowed(ClaimsPrincipal user, string definitionId) =>
        user.AllowedDefinitionsOf() is { } allowed && !allowed.Contains(definitionId)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"Your API key may not use the workflow '{definitionId}'.")
            : null;

    /// <summary>Whether the caller may see an instance of the definition (an API client only its own definitions').</summary>
    public static bool MaySee(ClaimsPrincipal user, string definitionId) =>
        user.AllowedDefinitionsOf() is not { } allowed || allowed.Contains(definitionId);
}
